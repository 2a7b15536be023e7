#!/usr/bin/env python3
"""Hyphenate words with TeX itself, to make the golden files beside this script.

usage: texhyph.py TAG WORDS OUT

WORDS is one lower-case word a line (UTF-8); OUT receives them as Knuth's TeX
hyphenates them with ../../patterns/hyph-TAG.pat.txt and .hyp.txt, with
\\lefthyphenmin=2 and \\righthyphenmin=3, one a line.

TeX is 8-bit, so every non-ASCII character is mapped to one byte from 0x80 up
(with \\lccode set to itself, as babel does for a language's letters) and back:
TeX then sees one letter per character, exactly as Liang's algorithm does.
The font is a made-up one with all 256 characters, so none is dropped.

Needs the binaries of Debian's texlive-binaries (tex, pltotf) and their
libraries, no TeX tree: set TEXBIN to their folder and LD_LIBRARY_PATH to the
libraries', e.g. after `apt-get download texlive-binaries libkpathsea6
libptexenc1 libsynctex2 libtexlua53-5` and `dpkg-deb -x` of each into /tmp/tb:
  TEXBIN=/tmp/tb/usr/bin LD_LIBRARY_PATH=/tmp/tb/usr/lib/x86_64-linux-gnu \\
    ./texhyph.py fr <(grep -v '^#' fr.txt | sed 's/-//g') fr.txt
"""
import os, subprocess, sys, tempfile

tag, wordsfile, out = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(here, "..", "..", "patterns", "hyph-" + tag + ".")
pats = [l.strip() for l in open(base + "pat.txt", encoding="utf-8") if l.strip()]
pats = [p for p in pats if p != "1-"]  # Portuguese: TeX rejects "-" as a letter (Nonletter)
hyp = [l.strip() for l in open(base + "hyp.txt", encoding="utf-8")] if os.path.exists(base + "hyp.txt") else []
words = [l.strip() for l in open(wordsfile, encoding="utf-8") if l.strip()]

code, back = {}, {}
def enc(s):
    b = bytearray()
    for ch in s:
        if ord(ch) < 128:
            b.append(ord(ch))
            continue
        if ch not in code:
            code[ch] = 0x80 + len(code)
            back[code[ch]] = ch
        b.append(code[ch])
    return bytes(b)

P8, H8, W8 = [enc(p) for p in pats], [enc(h) for h in hyp], [enc(w) for w in words]
assert len(code) < 128, "too many distinct characters for 8-bit TeX"
tb = os.environ["TEXBIN"]
with tempfile.TemporaryDirectory() as d:
    open(os.path.join(d, "texmf.cnf"), "w").write(
        "TEXINPUTS = .\nTFMFONTS = .\nmain_memory = 5000000\ntrie_size = 1000000\n"
        "hyph_size = 8191\npool_size = 6250000\nmax_strings = 500000\nbuf_size = 200000\n"
        "max_print_line = 100000\nerror_line = 79\nhalf_error_line = 50\n")
    pl = ["(DESIGNSIZE R 10.0)", "(FONTDIMEN (SPACE R 0.333) (STRETCH R 0.1) (SHRINK R 0.1) (QUAD R 1.0))"]
    pl += ["(CHARACTER O %o (CHARWD R 0.5) (CHARHT R 0.7))" % c for c in range(256)]
    open(os.path.join(d, "all256.pl"), "w").write("\n".join(pl) + "\n")
    env = dict(os.environ, TEXMFCNF=d)
    subprocess.run([os.path.join(tb, "pltotf"), "all256.pl", "all256.tfm"], cwd=d, env=env, check=True)
    open(os.path.join(d, "pats.txt"), "wb").write(b"\n".join(P8) + b"\n")
    open(os.path.join(d, "hyp.txt"), "wb").write(b"\n".join(H8) + b"\n")
    letters = list(code.values()) + [ord("'")]
    with open(os.path.join(d, "t.tex"), "wb") as f:
        f.write(b"\\catcode`\\{=1 \\catcode`\\}=2 \\catcode`\\#=6\n")
        f.write("".join("\\lccode%d=%d \\catcode%d=11\n" % (c, c, c) for c in letters).encode())
        f.write(b"\\patterns{\\input pats.txt }\n")
        if hyp:
            f.write(b"\\hyphenation{\\input hyp.txt }\n")
        f.write(b"\\font\\f=all256 \\f \\hyphenchar\\f=`\\- \\uchyph=1\n"
                b"\\lefthyphenmin=2 \\righthyphenmin=3\n"
                b"\\hsize=16383pt \\parfillskip=0pt \\pretolerance=-1 \\tolerance=-1 \\hbadness=0\n"
                b"\\showboxdepth=0 \\showboxbreadth=100000 \\tracingonline=1\n")
        for w in W8:  # one paragraph a word; TeX reports it as an underfull box, hyphens shown
            f.write(b"\\setbox0\\vbox{\\noindent\\hskip0pt\\relax " + w + b"\\par}\n")
        f.write(b"\\end\n")
    subprocess.run([os.path.join(tb, "tex"), "-ini", "-8bit", "-interaction=batchmode", "t.tex"],
                   cwd=d, env=env, stdout=subprocess.DEVNULL)
    log = open(os.path.join(d, "t.log"), "rb").read()
version = log.split(b"\n", 1)[0].decode("latin-1")
got = [l[4:] for l in log.split(b"\n") if l.startswith(b" \\f ")]
assert b"\n! " not in log, "TeX reported errors"
assert len(got) == len(words), (len(got), len(words))
with open(out, "w", encoding="utf-8") as f:
    f.write("# %s, hyph-%s, lefthyphenmin 2, righthyphenmin 3; made by texhyph.py\n" % (version.split(")")[0] + ")", tag))
    for g in got:
        f.write("".join(back.get(c, chr(c)) for c in g) + "\n")
print(tag, len(words), "words")
