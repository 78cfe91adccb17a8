import sys, collections
f=sys.argv[1]; top=int(sys.argv[2]) if len(sys.argv)>2 else 25
tot=0; thr=collections.Counter(); selfc=collections.Counter(); incl=collections.Counter()
for l in open(f):
    st,n=l.rsplit(' ',1); n=int(n); fr=st.split(';')
    tot+=n; thr[fr[0].split(' tid=')[0][:30]]+=n
    selfc[fr[-1]]+=n
    for x in set(fr[1:]): incl[x]+=n
print("total",tot)
for k,v in thr.most_common(6): print(f"  thread {v/tot*100:5.1f}% {k}")
print("self:")
for k,v in selfc.most_common(top): print(f"  {v/tot*100:5.1f}% {k[:140]}")
if len(sys.argv)>3:
    print("incl:")
    for k,v in incl.most_common(int(sys.argv[3])): print(f"  {v/tot*100:5.1f}% {k[:140]}")
