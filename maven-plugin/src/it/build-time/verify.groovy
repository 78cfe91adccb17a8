// The second run (same goals, nothing recompiled) wove nothing again.
def log = new File(basedir, 'build.log').text
def lines = log.readLines().findAll { it.contains('weft: wove ') }
assert !lines.isEmpty() : log
assert lines.last().contains('weft: wove 0 class(es)') : lines
assert lines.last().contains('unchanged since the last run') : lines
assert !lines.last().contains(' 0 unchanged') : lines

// The woven jar runs with weft-runtime alone: no agent, no weaver.
def runtimeDir = new File(localRepositoryPath, 'dev/weft/weft-runtime')
def version = runtimeDir.list().find { !it.startsWith('maven-metadata') }
def runtime = new File(runtimeDir, "${version}/weft-runtime-${version}.jar")
def jar = new File(basedir, 'target/build-time-1.0.jar')
assert jar.isFile()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def p = new ProcessBuilder(java, '-cp', "${jar.path}${File.pathSeparator}${runtime.path}", 'app.Main')
        .redirectErrorStream(true).start()
def out = p.inputStream.text
assert p.waitFor() == 0 : out
assert out.contains('weft-main says: hello main') : out
