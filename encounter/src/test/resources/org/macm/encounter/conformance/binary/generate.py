import random
random.seed(13)
def bits(v,w): return format(v & ((1<<w)-1), '0%db'%w)
def armor(b):
    fill=(6-len(b)%6)%6; b+= '0'*fill
    s=''
    for i in range(0,len(b),6):
        v=int(b[i:i+6],2); s+=chr(v+48 if v<40 else v+56)
    return s,fill
def cks(body):
    x=0
    for ch in body: x^=ord(ch)
    return '%02X'%x
def sentence(b, seq):
    s,fill=armor(b)
    out=[]
    chunks=[s[i:i+60] for i in range(0,len(s),60)]
    for n,c in enumerate(chunks,1):
        f=fill if n==len(chunks) else 0
        body='AIVDM,%d,%d,%s,A,%s,%d'%(len(chunks),n,str(seq%10) if len(chunks)>1 else '',c,f)
        out.append('!'+body+'*'+cks(body))
    return out
def rnd(n): return ''.join(random.choice('01') for _ in range(n))
def text(n):  # printable six-bit, no '@'
    return ''.join(bits(random.randint(1,63),6) for _ in range(n))
lines=[]; seq=0
def t6(dac,fi,data):
    global seq; seq+=1
    mmsi=random.randint(100000000,799999999)
    b=bits(6,6)+bits(0,2)+bits(mmsi,30)+bits(1,2)+bits(random.randint(1,999999999),30)+'0'+'0'+bits(dac,10)+bits(fi,6)+data
    lines.extend(sentence(b,seq))
def t8(dac,fi,data):
    global seq; seq+=1
    mmsi=random.randint(100000000,799999999)
    b=bits(8,6)+bits(0,2)+bits(mmsi,30)+'00'+bits(dac,10)+bits(fi,6)+data
    lines.extend(sentence(b,seq))
for k in range(3):
    t6(1,12,text(5)+rnd(20)+text(5)+rnd(20)+text(20)+text(4)+rnd(25)+'000')
    t6(1,14,rnd(9+93*2+20))
    t6(1,18,rnd(10+20)+text(20)+text(5)+rnd(49)+'0'*43)
    t6(1,20,rnd(103)+text(20)+rnd(49))
    t6(1,25,rnd(12+17*4+5))
    t6(1,28,rnd(56)+bits(3,5)+rnd(55*3))
    t6(1,30,rnd(10)+text(20))
    t6(1,32,rnd(9+88*2+7))
    t6(235,10,rnd(48))
    t8(1,11,rnd(296))
    t8(1,13,text(20)+text(20)+text(20)+rnd(52))
    t8(1,15,rnd(16))
    t8(1,17,bits(0,2)+bits(random.randint(200000000,799999999),42)+rnd(78)+bits(1,2)+bits(random.randint(1000000,9999999),42)+rnd(78)+bits(2,2)+text(7)+rnd(78)+bits(3,2)+text(7)+rnd(78)+'0'*5)
    t8(1,19,rnd(10)+text(20)+rnd(72)+'0'*102)
    t8(1,27,rnd(56)+bits(2,5)+rnd(110))
    t8(1,29,rnd(10)+text(25))
    t8(1,31,rnd(304))
    t8(200,10,text(8)+rnd(37)+bits(random.randint(0,5),3)+rnd(16)+'0'*8)
open('/tmp/binary_synth/synth.nmea','w').write('\n'.join(lines)+'\n')
