# Produces the MACM Mode S corpus: frames.avr + expected.jsonl, with pyModeS 3.3.0 as the oracle.
import csv, glob, json, re, sys
import pyModeS as pms
from pyModeS.position import airborne_position_pair, airborne_position_with_ref, surface_position_pair, surface_position_with_ref

T = '/tmp/pymodes/tests'
KEYS = ['df','icao','crc_valid','typecode','category','callsign','altitude','surveillance_status','cpr_format','cpr_lat',
        'cpr_lon','subtype','groundspeed','track','track_status','movement','airspeed','airspeed_type','heading','vr_source',
        'vertical_rate','geo_minus_baro','squawk','flight_status','capability']
REF = (52.0, 4.36)          # near Delft, where pyModeS' sample data was received
SURFACE_REF = (51.99, 4.375)  # near Amsterdam Schiphol, the Riddle's surface example

frames = []  # (hex, timestamp or None)
with open(T + '/data/sample_data_adsb.csv') as f:
    for row in csv.reader(f):
        if len(frames) < 1000: frames.append((row[1].upper(), int(row[0])))
for name in ('df20', 'df21'):
    with open(T + '/data/sample_data_commb_%s.csv' % name, encoding='utf-8-sig') as f:
        for i, row in enumerate(csv.reader(f)):
            if i >= 100: break
            frames.append((row[2].upper(), None))
lits = set()
for py in sorted(glob.glob(T + '/*.py')):
    for m in re.findall(r'"([0-9A-Fa-f]{14}|[0-9A-Fa-f]{28})"', open(py).read()):
        lits.add(m.upper())
for h in sorted(lits):
    frames.append((h, None))
# Damaged copies: one bit flipped in every 25th squitter (DF11/17/18): the CRC must catch each.
damaged = []
for i, (h, t) in enumerate(frames):
    df = int(h[:2], 16) >> 3
    if i % 25 == 0 and df in (11, 17, 18):
        bit = (i * 7) % (len(h) * 4 - 5) + 5
        v = int(h, 16) ^ (1 << (len(h) * 4 - 1 - bit))
        damaged.append((format(v, '0%dX' % len(h)), None))
frames += damaged

# Synthesized frames for what the recorded ones lack (GNSS altitude, surface, DF18, every altitude
# and identity code form, DF11 interrogator codes, every velocity subtype): random fields, a fixed
# seed, parity computed with pyModeS' own CRC, then decoded by pyModeS like the rest.
import random
from pyModeS.util import crc
rnd = random.Random(13)
def build(df, first3, payload_bits, nbits, overlay=0):
    body = (df << (nbits - 5)) | (first3 << (nbits - 8)) | (payload_bits << 24)
    h = format(body, '0%dX' % (nbits // 4))
    return format(body | (crc(h) ^ overlay), '0%dX' % (nbits // 4))
def es(df, ca, icao, me):
    return build(df, ca, (icao << 56) | me, 112)
def me(*fields):
    v = 0; n = 0
    for width, value in fields:
        v = (v << width) | (value & ((1 << width) - 1)); n += width
    assert n == 56, n
    return v
synth = []
for i in range(40):
    icao = rnd.getrandbits(24)
    synth.append(es(17, 5, icao, me((5, rnd.choice([20, 21, 22])), (2, rnd.getrandbits(2)), (1, 0), (12, rnd.getrandbits(12)),
                                   (1, 0), (1, rnd.getrandbits(1)), (17, rnd.getrandbits(17)), (17, rnd.getrandbits(17)))))
for i in range(80):
    icao = rnd.getrandbits(24)
    synth.append(es(17, 5, icao, me((5, rnd.randint(9, 18)), (2, rnd.getrandbits(2)), (1, 0), (12, rnd.getrandbits(12)),
                                   (1, 0), (1, rnd.getrandbits(1)), (17, rnd.getrandbits(17)), (17, rnd.getrandbits(17)))))
for i in range(60):
    icao = rnd.getrandbits(24)
    synth.append(es(17, 4, icao, me((5, rnd.randint(5, 8)), (7, rnd.getrandbits(7)), (1, rnd.getrandbits(1)), (7, rnd.getrandbits(7)),
                                   (1, 0), (1, rnd.getrandbits(1)), (17, rnd.getrandbits(17)), (17, rnd.getrandbits(17)))))
for i in range(40):
    icao = rnd.getrandbits(24)
    chars = 0
    for k in range(8):
        chars = (chars << 6) | rnd.choice([1, 5, 12, 26, 32, 48, 57, 9, 32])
    synth.append(es(rnd.choice([17, 18]), 0, icao, me((5, rnd.randint(1, 4)), (3, rnd.getrandbits(3)), (48, chars))))
for i in range(120):
    icao = rnd.getrandbits(24)
    st = rnd.randint(1, 4)
    if st <= 2:
        body = me((5, 19), (3, st), (1, 0), (1, 0), (3, 0), (1, rnd.getrandbits(1)), (10, rnd.choice([0, rnd.getrandbits(10)])),
                  (1, rnd.getrandbits(1)), (10, rnd.choice([0, rnd.getrandbits(10)])), (1, rnd.getrandbits(1)), (1, rnd.getrandbits(1)),
                  (9, rnd.choice([0, rnd.getrandbits(9)])), (2, 0), (1, rnd.getrandbits(1)), (7, rnd.choice([0, rnd.getrandbits(7)])))
    else:
        body = me((5, 19), (3, st), (1, 0), (1, 0), (3, 0), (1, rnd.getrandbits(1)), (10, rnd.getrandbits(10)),
                  (1, rnd.getrandbits(1)), (10, rnd.choice([0, rnd.getrandbits(10)])), (1, rnd.getrandbits(1)), (1, rnd.getrandbits(1)),
                  (9, rnd.choice([0, rnd.getrandbits(9)])), (2, 0), (1, rnd.getrandbits(1)), (7, rnd.choice([0, rnd.getrandbits(7)])))
    synth.append(es(17, 5, icao, body))
for i in range(40):
    synth.append(es(18, rnd.choice([0, 1, 2, 5, 6]), rnd.getrandbits(24), me((5, 11), (2, 0), (1, 0), (12, rnd.getrandbits(12)),
                                   (1, 0), (1, rnd.getrandbits(1)), (17, rnd.getrandbits(17)), (17, rnd.getrandbits(17)))))
for i in range(150):
    df = rnd.choice([4, 20])
    n = 56 if df == 4 else 112
    payload = (rnd.getrandbits(5) << 19) | (rnd.getrandbits(6) << 13) | rnd.getrandbits(13)
    if df == 20:
        payload = (payload << 56) | rnd.getrandbits(56)
    synth.append(build(df, rnd.getrandbits(3), payload, n, overlay=rnd.getrandbits(24)))
for i in range(80):
    df = rnd.choice([5, 21])
    n = 56 if df == 5 else 112
    payload = (rnd.getrandbits(11) << 13) | rnd.getrandbits(13)
    if df == 21:
        payload = (payload << 56) | rnd.getrandbits(56)
    synth.append(build(df, rnd.getrandbits(3), payload, n, overlay=rnd.getrandbits(24)))
for i in range(40):
    synth.append(build(11, rnd.getrandbits(3), rnd.getrandbits(24), 56, overlay=rnd.choice([0, 0, rnd.randint(1, 15)])))
frames += [(h, None) for h in synth]

last = {}  # icao -> {0: (t, lat, lon), 1: ...}
out, lines = [], []
for h, t in frames:
    d = pms.decode(h)
    e = {k: (round(d[k], 9) if isinstance(d[k], float) else d[k]) for k in KEYS if k in d and d[k] is not None}
    if isinstance(e.get('category'), int) and d.get('typecode') in (1, 2, 3, 4):
        e['category'] = 'EDCBA'[d['typecode']] + str(d['category'])
    rec = {'frame': h, 'pymodes': e}
    tc = d.get('typecode')
    if d.get('crc_valid') and d.get('df') in (17, 18) and 'cpr_lat' in d and tc is not None:
        fmt, la, lo = d['cpr_format'], d['cpr_lat'], d['cpr_lon']
        surface = 5 <= tc <= 8
        ref = SURFACE_REF if surface else REF
        fn = surface_position_with_ref if surface else airborne_position_with_ref
        rec['local'] = [round(x, 9) for x in fn(fmt, la, lo, ref[0], ref[1])]
        if t is not None:
            st = last.setdefault(d['icao'], {})
            st[fmt] = (t, la, lo)
            other = st.get(1 - fmt)
            if other and abs(t - other[0]) <= 10:
                ev = st[0]; od = st[1]
                p = airborne_position_pair(ev[1], ev[2], od[1], od[2], even_is_newer=(fmt == 0))
                rec['pair'] = [round(x, 9) for x in p] if p else None
    if t is not None:
        lines.append('@%012X%s;' % (t * 12_000_000 % (1 << 48), h))
        rec['time'] = t
    else:
        lines.append('*%s;' % h)
    out.append(rec)
with open(sys.argv[1] + '/frames.avr', 'w') as f:
    f.write('\n'.join(lines) + '\n')
with open(sys.argv[1] + '/expected.jsonl', 'w') as f:
    for r in out:
        f.write(json.dumps(r, separators=(',', ':'), sort_keys=True) + '\n')
print(len(out), 'frames,', len(damaged), 'damaged')
