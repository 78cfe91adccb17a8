#!/bin/bash
# usage: m.sh JAR PEER WL
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin
out=$(mktemp)
$J/java -cp $1:cls PP $2 $3 2500 4000 > $out 2>&1 &
jp=$!
while ! grep -q MARK $out; do sleep 0.05; done
perf stat -x, -p $jp -e context-switches,cpu-migrations,task-clock,syscalls:sys_enter_futex,raw_syscalls:sys_enter,syscalls:sys_enter_sched_yield -- sleep 3 2> $out.perf
wait $jp
r=$(grep RESULT $out); grep METRICS $out
ops=$(echo "$r" | sed 's/.*ops=\([0-9]*\).*/\1/')
nsmsg=$(echo "$r" | sed 's/.*ns\/msg=\([0-9.]*\).*/\1/')
# msgs in perf window approx: 3s / (ns/msg)
python3 - "$out.perf" "$nsmsg" "$1 $2 $3" <<'PY'
import sys
f,nsmsg,lab=sys.argv[1],float(sys.argv[2]),sys.argv[3]
msgs=3e9/nsmsg
d={}
for l in open(f):
    p=l.strip().split(',')
    if len(p)>3 and p[0] and p[0][0].isdigit():
        d[p[2]]=float(p[0])
print(f"{lab}: {nsmsg:.0f} ns/msg | per msg: cs={d.get('context-switches',0)/msgs:.3f} futex={d.get('syscalls:sys_enter_futex',0)/msgs:.3f} sys={d.get('raw_syscalls:sys_enter',0)/msgs:.3f} yield={d.get('syscalls:sys_enter_sched_yield',0)/msgs:.3f} migr={d.get('cpu-migrations',0)/msgs:.3f} cpu_ns={d.get('task-clock',0)*1e6/msgs:.0f}")
PY
rm -f $out $out.perf
