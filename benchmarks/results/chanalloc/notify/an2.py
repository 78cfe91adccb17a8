import sys, collections
f=sys.argv[1]
tot=0
cats=collections.Counter()
def cat(fr):
    s=';'.join(fr)
    if 'Worker.park' in s or 'LockSupport.park' in s: return 'park (futex wait + switch)'
    if 'Unsafe.unpark' in s: return 'unpark (futex wake)'
    if 'stealWork' in s: return 'stealWork'
    if 'Task.run' in s: return 'task polls'
    if 'Worker.loop' in s: return 'loop other'
    if 'blockOn' in s or 'PP.main' in s: return 'main/blockOn'
    return 'other:'+fr[0][:20]
for l in open(f):
    st,n=l.rsplit(' ',1); n=int(n); fr=st.split(';')
    tot+=n; cats[(fr[0][:16],cat(fr))]+=n
for k,v in sorted(cats.items(), key=lambda x:-x[1])[:16]: print(f"  {v/tot*100:5.1f}% {k}")
