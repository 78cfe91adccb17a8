import sys, collections
f,target=sys.argv[1],sys.argv[2]; depth=int(sys.argv[3]) if len(sys.argv)>3 else 3
tot=0; c=collections.Counter()
for l in open(f):
    st,n=l.rsplit(' ',1); n=int(n); fr=st.split(';'); tot+=n
    for i in range(len(fr)-1,-1,-1):
        if target in fr[i]:
            path=' < '.join(x.split('/')[-1][:50] for x in fr[max(1,i-depth):i+1][::-1])
            if fr[-1]==fr[i]: path='[self] '+path
            c[path]+=n; break
for k,v in c.most_common(12): print(f"  {v/tot*100:5.1f}% {k}")
