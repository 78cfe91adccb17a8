// The tests ran under the agent that prepare-agent put into argLine, and exec:exec ran main with it.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('weft-main says: hello main')

// exec:java runs main inside Maven's own JVM: the agent comes in through MAVEN_OPTS.
def agentDir = new File(localRepositoryPath, 'dev/weft/weft-agent')
def version = agentDir.list().find { !it.startsWith('maven-metadata') }
def agent = new File(agentDir, "${version}/weft-agent-${version}.jar")
assert agent.isFile()
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
// -llr: the plugins in the private repository were fetched through the sample builds' settings,
// which this nested offline build does not repeat
def pb = new ProcessBuilder(mvn, '-B', '-o', '-q', '-llr', "-Dmaven.repo.local=${localRepositoryPath}".toString(),
        'exec:java', '-Dexec.mainClass=app.Main')
pb.directory(basedir)
pb.environment().put('MAVEN_OPTS', "-javaagent:${agent.path}".toString())
pb.redirectErrorStream(true)
def p = pb.start()
def out = p.inputStream.text
assert p.waitFor() == 0 : out
assert out.contains('weft-main says: hello main') : out
