// The build failed, naming the method and line of the await inside synchronized.
def log = new File(basedir, 'build.log').text
assert log =~ /app\.Locked\.run\(Locked\.java:13\): [^\n]*synchronized/ : log
assert log.contains('BUILD FAILURE')
assert log.contains('failOnRejection')
