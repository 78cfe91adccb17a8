def log = new File(basedir, 'build.log').text
// lib: its own tests on build-time-woven classes; app: under the agent, awaiting lib's method
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /weft: wove [1-9]/
assert log.contains('BUILD SUCCESS')
