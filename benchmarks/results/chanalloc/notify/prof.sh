#!/bin/bash
# prof.sh JAR PEER WL OUT
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin
$J/java -Dap=$4 -cp $1:cls:/work/st2/ap PP $2 $3 2500 3000 | grep RESULT
