// maven-archetype-plugin checks validationRegex only for values it asks for, not for -D values in batch mode:
// check them here, and leave nothing behind for a value the templates do not know.
def allowed = [starter: ['http', 'queue', 'schedule'], javaVersion: ['17', '21', '25']]
def problems = allowed.findAll { key, values -> !(request.properties.get(key) in values) }
        .collect { key, values -> "-D${key}=${request.properties.get(key)} is not one of ${values.join(', ')}" }
if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(problems.join('; ') + '. Run mvn archetype:generate again with, for example,'
            + ' -Dstarter=http -DjavaVersion=17')
}
