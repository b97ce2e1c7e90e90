# Sourced by scripts/demo and scripts/bench: the pinned Python venv and moto's server on a free loopback port.
# Expects $root (the repository) and $work (a scratch folder) to be set.

source "$root/scripts/lib/progress.sh"

ensure_python_tools() {
  venv="$root/target/python-venv"
  local requirements="$root/tools/python-requirements.txt" wanted
  wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
  # The same marker the Java test kit writes, so the tests and the scripts share one venv.
  if [ "$(cat "$venv/.sparta-requirements.sha256" 2>/dev/null)" != "$wanted" ]; then
    echo "Creating the Python venv $venv with moto, cfn-lint and parliament: several minutes the first time"
    python3 -m venv --clear "$venv"
    pip_with_progress "$venv.log" "$venv/bin/pip" install --disable-pip-version-check -r "$requirements"
    printf '%s' "$wanted" > "$venv/.sparta-requirements.sha256"
  fi
}

# Starts moto, stops it when the script exits, and points the AWS SDK (and so the plugin) at it.
start_local_aws() {
  ensure_python_tools
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  trap 'kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do
    python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2>/dev/null && break
    kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log"; return 1; }
    sleep 0.2
  done
  echo "moto is listening on 127.0.0.1:$port"
  export AWS_ENDPOINT_URL="http://localhost:$port" AWS_REGION=us-east-1
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
  export AWS_CONFIG_FILE="$work/no-aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-aws-credentials"
}

# Makes the stack of the sample project $1 again by CreateStack from the same template, parameter values and tags:
# moto drops the Description a change set deploys (where the template's digest is), AWS keeps it, so this is the stack
# AWS shows after a provision, and a no-change provision of it takes its one-call path (DescribeStacks).
remake_stack_as_aws_shows_it() {
  "$venv/bin/python" - "$1/target/sparta/manifest.json" "$1/target/sparta/template.json" <<'PY'
import json, sys
import boto3
cloudformation = boto3.client("cloudformation", region_name="us-east-1")
name = json.load(open(sys.argv[1]))["stackName"]
stack = cloudformation.describe_stacks(StackName=name)["Stacks"][0]
cloudformation.delete_stack(StackName=name)
cloudformation.get_waiter("stack_delete_complete").wait(StackName=stack["StackId"])
cloudformation.create_stack(StackName=name, TemplateBody=open(sys.argv[2]).read(),
                            Parameters=stack.get("Parameters", []), Tags=stack.get("Tags", []),
                            Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
cloudformation.get_waiter("stack_create_complete").wait(StackName=name)
PY
}
