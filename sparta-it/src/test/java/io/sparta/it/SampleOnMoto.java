package io.sparta.it;

import io.sparta.testkit.CfnLint;
import io.sparta.testkit.MotoServer;
import io.sparta.testkit.PolicyLint;
import io.sparta.testkit.PythonTools;

/** A fresh copy of a sample with its own moto server, the SDK clients to check it, cfn-lint and parliament. */
final class SampleOnMoto implements AutoCloseable {

    final SampleProject sample;
    final MotoServer moto;
    final LocalAws aws;
    final CfnLint cfnLint;
    final PolicyLint policyLint;

    private SampleOnMoto(SampleProject sample, MotoServer moto, PythonTools python) {
        this.sample = sample;
        this.moto = moto;
        this.aws = new LocalAws(moto.endpoint());
        this.cfnLint = new CfnLint(python);
        this.policyLint = new PolicyLint(python);
        sample.withAws(moto.endpoint().toString(), LocalAws.REGION.id());
    }

    /** Copies sample {@code name} to a work folder named {@code copyName} and starts moto beside it. */
    static SampleOnMoto start(String name, String copyName) {
        PythonTools python = PythonTools.fromSystemProperties();
        SampleProject sample = SampleProject.copyOf(name, copyName);
        return new SampleOnMoto(
                sample, MotoServer.start(python, sample.directory().resolve("moto.log")), python);
    }

    @Override
    public void close() {
        aws.close();
        moto.close();
    }
}
