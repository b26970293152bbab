#!/usr/bin/env python3
# An independent transcription, in Python's exact integers, of splitmix64 (Steele, Lea and
# Flood 2014; Vigna's splitmix64.c), xoshiro256** 1.0 with its jump polynomials (Blackman and
# Vigna, xoshiro256starstar.c), the seeding and stream derivation of src/numeric/random.hpp,
# and the samplers that need no floating-point function (uniform01, Lemire's uniform integer,
# bernoulli, Fisher-Yates). It computed the known answers in tests/numeric/random.cpp; run it
# (python3 tests/numeric/random_reference.py) to see them again. It first checks itself
# against the published vectors and derives the jump constants independently.
M = (1 << 64) - 1
G = 0x9E3779B97F4A7C15
def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)
def sm_outputs(x, n):
    out = []
    for _ in range(n):
        x = (x + G) & M
        out.append(mix(x))
    return out
def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
def nxt(s):
    r = (rotl((s[1] * 5) & M, 7) * 9) & M
    t = (s[1] << 17) & M
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
    return r
def jump(s, J):
    acc = [0, 0, 0, 0]
    for j in J:
        for b in range(64):
            if (j >> b) & 1:
                acc = [a ^ x for a, x in zip(acc, s)]
            nxt(s)
    s[:] = acc
JUMP = [0x180ec6d33cfd0aba, 0xd5a61266f0c9392c, 0xa9582618e03fc9aa, 0x39abdc4529b1661c]
LONG = [0x76e15d3efefdcbbf, 0xc5004e441c522fb3, 0x77710069854ee241, 0x39109bb02acbe635]
# The jump polynomials, checked independently: the state transition is linear over GF(2), so
# Berlekamp-Massey on the lowest bit of s[0] gives its characteristic polynomial P (degree
# 256), and jumping 2^k draws is multiplying by x^(2^k) mod P, whose coefficients must be
# the reference's JUMP (k = 128) and LONG_JUMP (k = 192) constants.
def berlekamp_massey(seq):
    C, B, L, m = 1, 1, 0, 1
    for n in range(len(seq)):
        d = seq[n]
        for i in range(1, L + 1):
            d ^= ((C >> i) & 1) & seq[n - i]
        if d == 0:
            m += 1
        elif 2 * L <= n:
            C, B, L, m = C ^ (B << m), C, n + 1 - L, 1
        else:
            C ^= B << m; m += 1
    return C, L
def mulmod(a, b, p, deg):
    r = 0
    while b:
        if b & 1: r ^= a
        b >>= 1; a <<= 1
        if (a >> deg) & 1: a ^= p
    return r
def x_pow_2k(k, p, deg):
    r = 2
    for _ in range(k): r = mulmod(r, r, p, deg)
    return r
s = [1, 2, 3, 4]
low_bits = []
for _ in range(1024):
    low_bits.append(s[0] & 1); nxt(s)
C, L = berlekamp_massey(low_bits)
assert L == 256
P = sum(1 << (L - i) for i in range(L + 1) if (C >> i) & 1)
assert x_pow_2k(256, P, L) == 2  # x^(2^256 - 1) = 1: the period divides 2^256 - 1
assert x_pow_2k(128, P, L) == sum(w << (64 * i) for i, w in enumerate(JUMP))
assert x_pow_2k(192, P, L) == sum(w << (64 * i) for i, w in enumerate(LONG))

def seeded(seed, stream=0):
    s = sm_outputs(seed, 4)
    # stream: XOR splitmix64's first four outputs from `stream` and from 0, word by word
    return [w ^ a ^ b for w, a, b in zip(s, sm_outputs(stream, 4), sm_outputs(0, 4))]
# Published: Rosetta Code, "Pseudo-random numbers/Splitmix64", seed 1234567.
assert sm_outputs(1234567, 5) == [6457827717110365317, 3203168211198807973, 9817491932198370423,
                                  4593380528125082431, 16408922859458223821]
# Published: the reference C code's outputs from state {1, 2, 3, 4} (rand_xoshiro's test).
s = [1, 2, 3, 4]
assert [nxt(s) for _ in range(10)] == [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
                                       607988272756665600, 16172922978634559625, 8476171486693032832,
                                       10595114339597558777, 2904607092377533576]
for seed in (0, 42):
    s = seeded(seed); print("seed", seed, "state", list(s), "out", [nxt(s) for _ in range(4)])
s = seeded(42, 1); assert seeded(0) == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC]  # splitmix64 from 0
print("seed 42 stream 1 out", [nxt(s) for _ in range(4)])
s = seeded(42, 2); print("seed 42 stream 2 out", [nxt(s) for _ in range(4)])
s = seeded(7, 1); print("seed 7 stream 1 out", [nxt(s) for _ in range(4)])
s = seeded(42); jump(s, JUMP); print("seed 42 jump out", [nxt(s) for _ in range(4)])
s = seeded(42); jump(s, LONG); print("seed 42 long_jump out", [nxt(s) for _ in range(4)])
# samplers that need no libm: uniform01, uniform_int (Lemire), seed 2024
def u01(s): return (nxt(s) >> 11) * 2.0**-53
def below(s, n):
    x = nxt(s); m = x * n; lo = m & M
    if lo < n:
        t = ((1 << 64) - n) % n
        while lo < t:
            x = nxt(s); m = x * n; lo = m & M
    return m >> 64
s = seeded(2024); print("u01", [repr(u01(s)) for _ in range(4)])
s = seeded(2024); print("uniform_int(-3, 17)", [-3 + below(s, 21) for _ in range(6)])
s = seeded(2024); print("uniform_below(10^18)", [below(s, 10**18) for _ in range(3)])
s = seeded(2024); print("uniform_below(3)", [below(s, 3) for _ in range(8)])
s = seeded(2024); print("bernoulli 0.3", [u01(s) < 0.3 for _ in range(8)])
s = seeded(2024); v = list(range(10))
for i in range(9, 0, -1):
    j = below(s, i + 1); v[i], v[j] = v[j], v[i]
print("shuffle 0..9", v)
