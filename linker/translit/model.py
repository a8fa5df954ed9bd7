"""The learned transliteration model: each unit of a word (see :mod:`.chunks`) becomes a string of the other
script, chosen by the unit and its neighbours; an n-best list is the k best combinations, rescored with a
character n-gram model of names in the target script.

Probabilities are Witten-Bell interpolations over a chain of contexts, from the unit with two neighbours on
each side down to the unit alone, so rare contexts back off smoothly. The counts come from
``tools/learn_translit.py`` (EM alignment of Latin/Urdu name pairs) and live in ``linker/data``.

setup.py compiles this module with Cython (C types in its annotations and in ``model.pxd``): n-best lists 1.2 to
1.5 times as fast, the same floats; the same file runs unchanged as plain Python.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from functools import lru_cache
from operator import itemgetter

try:  # only the compiler reads the C types of the annotations (see setup.py); as plain Python they are strings
    import cython
except ImportError:
    pass

#: Context chain, most specific first: offsets of the neighbouring units that make up each context key.
#: Nested, so the most specific context seen in training determines the whole chain below it.
LEVELS: tuple[tuple[int, ...], ...] = ((-2, -1, 0, 1, 2), (-1, 0, 1, 2), (-1, 0, 1), (0, 1), (0,))
BOS, EOS = "^", "$"
#: The graphone (unit -> output) n-gram model codes each graphone as one private-use character.
JOINT_BASE, JOINT_VOCAB, JOINT_OOV, JOINT_ORDER = 0xE000, 6000, "\uf8ff", 3
#: Outputs less likely than this fraction of a unit's best output are not generated.
PRUNE = 0.02
#: Outputs generated per unit (its most frequent ones); forced alignment of attested spellings (see
#: :meth:`UnitModel.forced`) may use up to ``max_outputs``.
GENERATED_OUTPUTS = 8
#: Windows of units whose distribution is memoised (emptied when full: a build sees millions of windows).
WINDOWS = 100_000
#: Weight of the less specific context in the Witten-Bell interpolation (1 = classic Witten-Bell).
SMOOTH = 2.0
#: (output, log P) of one unit, best first.
Dist = Sequence[tuple[str, float]]
#: A hypothesis of :func:`search`: [its last output, the node before it (None before the first unit)].
Node = list | None


def context_keys(units: Sequence[str], i: int) -> list[str]:
    """The context key of unit ``i`` at every level of :data:`LEVELS`."""
    padded = [BOS, BOS, *units, EOS, EOS]
    return [_key(padded, i, level) for level in LEVELS]


def _key(padded: Sequence[str], i: int, level: tuple[int, ...]) -> str:
    return "\t".join(padded[i + 2 + level[0]:i + 3 + level[-1]])


_SLICES = [slice(2 + level[0], 3 + level[-1]) for level in LEVELS]


@lru_cache(maxsize=None)
def _extensions(k: int, beam: int) -> tuple[int, ...]:
    """How many outputs the j-th best of ``k`` hypotheses can keep in a k-best search (see nbest)."""
    return tuple(min(beam, k // (j + 1)) for j in range(k))


def search(dists: Sequence[Dist], k: int, beam: int = 3) -> tuple[list[float], list[Node]]:
    """The ``k`` best choices of one output per unit from each unit's (output, log P) best first, as their log
    scores, best first, and their last nodes: a node is [output, previous node], so hypotheses share their
    common prefixes (see :func:`paths`)."""
    scores: list = [0.0]
    nodes: list = [None]
    extensions: tuple = _extensions(k, beam)
    kept: list
    hs: cython.double
    s: cython.double
    j: cython.Py_ssize_t
    for d in dists:
        if len(d) == 1:
            o, s = d[0]
            scores = [hs + s for hs in scores]
            nodes = [[o, node] for node in nodes]
            continue
        # the j-th best hypothesis (from 0) extended by the m-th best output is beaten by (j+1)(m+1)-1
        # others listed before it, so only those with (j+1)(m+1) <= k can be kept (list.sort is stable)
        kept = []
        for j in range(len(scores)):
            hs, node = scores[j], nodes[j]
            for o, s in d[:extensions[j]]:
                kept.append((hs + s, node, o))
        kept.sort(key=itemgetter(0), reverse=True)
        del kept[k:]
        scores = [c[0] for c in kept]
        nodes = [[o, node] for _, node, o in kept]
    return scores, nodes


def paths(node: Node) -> tuple[str, ...]:
    """The outputs of a hypothesis from its last node (see :func:`search`)."""
    outs = []
    while node is not None:
        outs.append(node[0])
        node = node[1]
    outs.reverse()
    return tuple(outs)


class _Table:
    """Counts per context with their totals (N) and number of distinct outcomes (T)."""

    __slots__ = ("counts", "stats")

    def __init__(self, counts: dict[str, dict[str, int]]):
        self.counts = counts
        self.counts = {k: v for k, v in counts.items() if v}
        self.stats = {k: (sum(v.values()), len(v)) for k, v in self.counts.items()}


def _extended(counts: dict, stats: tuple[int, int], outs: Sequence[str], p: list[float] | None) -> list[float]:
    """One level of the Witten-Bell interpolation: P of each of ``outs`` in a seen context with these counts and
    (total, distinct outcomes), extending ``p``, the probabilities in the next less specific seen context (None
    below the least specific)."""
    n: cython.double   # exact: counts are far below 2**53, and int / int divides their doubles
    t: cython.double
    c: cython.double
    q: cython.double
    j: cython.Py_ssize_t
    n, t = stats
    out = []
    if p is None:
        for o in outs:
            c = counts.get(o, 0)
            out.append(c / n)
        return out
    st: cython.double = SMOOTH * t
    nst: cython.double = n + st
    for j in range(min(len(outs), len(p))):
        c, q = counts.get(outs[j], 0), p[j]
        out.append((c + st * q) / nst)
    return out


class UnitModel:
    """P(output | unit in context) for one direction."""

    def __init__(self, levels: list[dict[str, dict[str, int]]], max_outputs: int = 24):
        self.levels = [_Table(t) for t in levels]
        base = self.levels[-1]
        # candidate outputs of a unit: the most frequent ones seen for it anywhere
        self.support = {k: sorted(v, key=v.get, reverse=True)[:max_outputs] for k, v in base.counts.items()}
        self.generated = {k: v[:GENERATED_OUTPUTS] for k, v in self.support.items()}
        self._stats = [table.stats for table in self.levels]
        # memos per level, by seen context: generated distributions and their probabilities (see _context)
        self._cache: list[dict[str, Dist]] = [{} for _ in levels]
        self._probs: list[dict[str, list[float]]] = [{} for _ in levels]
        self._window: dict[tuple[str, ...], Dist] = {}   # by the five units around one

    def distribution(self, keys: list[str], outputs: int | None = GENERATED_OUTPUTS) -> Dist:
        """(output, log-probability) best first for one unit, given its context keys (see LEVELS), over the
        unit's ``outputs`` most frequent candidate outputs, renormalised. The generated outputs (the default)
        leave out those less likely than PRUNE times the best one and are memoised by the most specific context
        seen in training (see :meth:`_context`); ``outputs=None`` gives all, unpruned, for forced alignment.
        """
        for top, stats in enumerate(self._stats):
            if keys[top] in stats:
                break
        else:
            return []
        if outputs == GENERATED_OUTPUTS:
            return self._cache[top].get(keys[top]) or self._context(top, keys[top])
        outs = self.support.get(keys[-1], ())[:outputs]
        p = self._interpolated(top, keys, outs)
        total = sum(p) or 1.0
        return sorted(((o, math.log(q / total)) for o, q in zip(outs, p)), key=lambda x: -x[1])

    def _interpolated(self, top: int, keys: list[str], outs: Sequence[str]) -> list[float]:
        """P of each of ``outs`` for the unit in contexts ``keys``, the most specific seen in training being
        ``keys[top]``: each seen level's probabilities extend those of the next, less specific, one."""
        p: list[float] | None = None
        for table, key in reversed([(t, k) for t, k in zip(self.levels[top:], keys[top:]) if k in t.stats]):
            p = _extended(table.counts[key], table.stats[key], outs, p)
        return p

    def _context(self, top: int, key: str) -> Dist:
        """The generated distribution (see :meth:`distribution`) of a context seen in training at level ``top``,
        computed on first use: it depends on the context alone (contexts are nested), and every window whose most
        specific seen context it is shares it."""
        self._context_probs(top, key)
        return self._cache[top][key]

    def _context_probs(self, top: cython.Py_ssize_t, key: str) -> list[float]:
        """P of the unit's generated outputs in the seen context ``key`` of level ``top``, extending those of the
        next seen, less specific, context (each memoised per level, with the pruned distribution)."""
        probs: dict = self._probs[top]
        p = probs.get(key)
        if p is not None:
            return p
        first: cython.Py_ssize_t = LEVELS[top][0]
        j: cython.Py_ssize_t
        total: cython.double
        floor: cython.double
        q: cython.double
        parts: list = key.split("\t")
        outs = self.generated.get(parts[-first], ())
        for j in range(top + 1, len(LEVELS)):   # the next seen context's probabilities
            lower = "\t".join(parts[LEVELS[j][0] - first:LEVELS[j][-1] - first + 1])
            if lower in self._stats[j]:
                p = self._context_probs(j, lower)
                break
        p = probs[key] = _extended(self.levels[top].counts[key], self._stats[top][key], outs, p)
        total = sum(p) or 1.0
        floor = max(p, default=0.0) * PRUNE
        dist = []
        for j in range(min(len(outs), len(p))):
            q = p[j]
            if q > floor:
                dist.append((outs[j], math.log(q / total)))
        dist.sort(key=itemgetter(1), reverse=True)   # stable: ties keep the order of the outputs
        self._cache[top][key] = tuple(dist)   # of strings and floats: not tracked by the garbage collector
        return p

    def dists(self, units: Sequence[str], pruned: bool = True) -> list[Dist]:
        """The output distribution of every unit of a word: the generated outputs (see :meth:`distribution`),
        memoised by the window of five units around the unit (up to WINDOWS of them), or with ``pruned=False``
        all outputs."""
        padded = (BOS, BOS, *units, EOS, EOS)   # a tuple: its slices are the windows
        if not pruned:
            return [self.distribution([_key(padded, i, level) for level in LEVELS], None) or [(units[i], 0.0)]
                    for i in range(len(units))]
        window: dict = self._window
        i: cython.Py_ssize_t
        out = [window.get(padded[i:i + 5]) for i in range(len(units))]
        if None in out:
            for i, d in enumerate(out):
                if d is None:
                    out[i] = self._window_dist(padded[i:i + 5])
        return out

    def _window_dist(self, w: tuple) -> Dist:
        """The distribution of the middle unit of a window (a tuple of five units): that of its most specific
        context seen in training (memoised by window, up to WINDOWS of them)."""
        d = ()
        top: cython.Py_ssize_t
        seen: dict
        for top in range(len(_SLICES)):
            key = "\t".join(w[_SLICES[top]])
            seen = self._stats[top]
            if key in seen:
                d = self._cache[top].get(key) or self._context(top, key)
                break
        d = d or ((w[2], 0.0),)
        if len(self._window) >= WINDOWS:
            self._window.clear()
        self._window[w] = d
        return d

    def reset(self) -> None:
        """Empty the memos (to measure speed from fresh caches)."""
        self._window.clear()
        for memo in (*self._cache, *self._probs):
            memo.clear()

    def nbest(self, units: Sequence[str], k: int, beam: int = 3) -> list[tuple[tuple[str, ...], float]]:
        """The ``k`` best output sequences (one output per unit) with their log scores, best first."""
        scores, nodes = search(self.dists(units), k, beam)
        return [(paths(node), s) for s, node in zip(scores, nodes)]

    def forced(self, units: Sequence[str], target: str, unseen: float, longest: int
               ) -> tuple[tuple[str, ...], float] | None:
        """The best way the units of a word produce exactly ``target`` (one substring each) and its log score.

        Every output the model knows for a unit counts (unpruned); any other substring of up to ``longest``
        characters costs ``unseen``, so an attested spelling the model would never generate still gets a score.
        """
        m = len(target)
        best: list[float | None] = [0.0] + [None] * m
        back: list[list[tuple[int, str]]] = []
        for d in self.dists(units, pruned=False):
            new: list[float | None] = [None] * (m + 1)
            ptr: list[tuple[int, str]] = [(0, "")] * (m + 1)
            for j, s in enumerate(best):
                if s is None:
                    continue
                for e in range(j, min(m, j + longest) + 1):
                    if new[e] is None or s + unseen > new[e]:
                        new[e], ptr[e] = s + unseen, (j, target[j:e])
                for o, lp in d:
                    e = j + len(o)
                    if e <= m and target.startswith(o, j) and s + lp > new[e]:
                        new[e], ptr[e] = s + lp, (j, o)
            best = new
            back.append(ptr)
        if best[m] is None:
            return None
        outs, j = [], m
        for ptr in reversed(back):
            j, o = ptr[j]
            outs.append(o)
        return tuple(reversed(outs)), best[m]


class JointLM:
    """P(graphone sequence) of one direction: an n-gram model (:data:`JOINT_ORDER`) over (unit, output) pairs.

    Walks the states of its character model keyed by the graphones themselves, so that scoring a candidate
    neither codes nor joins it."""

    def __init__(self, vocab: list[list[str]], counts: dict[str, dict[str, int]]):
        graphones = [tuple(g) for g in vocab]
        self.code = {g: chr(JOINT_BASE + i) for i, g in enumerate(graphones)}
        self.lm = CharLM(JOINT_ORDER, counts, {chr(JOINT_BASE + i): g for i, g in enumerate(graphones)})

    def logprob(self, units: Sequence[str], outs: Sequence[str]) -> float:
        lm = self.lm
        trans, state = lm.trans, lm.start()
        total = 0.0
        for g in zip(units, outs):
            lp, state = trans[state].get(g) or lm.step(state, self.code.get(g, JOINT_OOV), g)
            total += lp
        return total + lm.end[state]


class CharLM:
    """Character n-gram model of words of one script (Witten-Bell interpolated), for rescoring.

    Turned at load into back-off form (log P of each seen n-gram, back-off weight of each seen context), and
    each seen context into a state that maps a next character to (its log P, the next state): scoring a word
    costs one dictionary look-up per character. A transition that backs off (a character not seen after
    the context) is added to its state on first use, its back-off weights added in the order of :meth:`_score`
    (so the floats are the same whatever was scored before). Filling the states lazily is safe across threads:
    every value is computed the same way.
    """

    def __init__(self, order: int, counts: dict[str, dict[str, int]], keys: dict[str, Hashable] | None = None):
        """``keys``: the key under which a state keeps a character (default: the character itself)."""
        self.order = order
        self._pad = BOS * (order - 1)
        self._keys = keys or {}
        table = _Table(counts)
        self.floor = math.log(1.0 / (len(table.counts.get("", {})) + 1))
        self._logp = {}      # seen context -> seen next character -> log P
        self._backoff = {}   # seen context -> back-off weight
        for ctx in sorted(table.counts, key=len):      # shorter first: each reads the next shorter one
            n, t = table.stats[ctx]
            self._backoff[ctx] = math.log(t / (n + t))
            self._logp[ctx] = {
                ch: math.log((c + t * math.exp(self._score(ctx[1:], ch) if ctx else self.floor)) / (n + t))
                for ch, c in table.counts[ctx].items()}
        self._compile_states()

    def _score(self, ctx: str, ch: str) -> float:
        """log P(ch | ctx) in back-off form."""
        total = 0.0
        logp = self._logp
        while True:
            seen = logp.get(ctx)
            if seen is not None:
                lp = seen.get(ch)
                if lp is not None:
                    return total + lp
                total += self._backoff[ctx]
            if not ctx:
                return total + self.floor
            ctx = ctx[1:]

    def _state(self, ctx: str) -> cython.Py_ssize_t:
        """The state of the longest seen suffix of ``ctx`` (of "" at worst)."""
        index: dict = self._index
        state = index.get(ctx)
        while state is None:
            ctx = ctx[1:]
            state = index.get(ctx)
        return state

    def start(self) -> int:
        """The state before the first character."""
        return self._start

    def step(self, state: cython.Py_ssize_t, ch: str, key: Hashable | None = None) -> tuple:
        """(log P(ch | the state's context), the state after ``ch``), remembered in ``trans[state]`` under
        ``key`` (default ``ch``)."""
        t = self.trans[state][ch if key is None else key] = (
            self._logprob(state, ch), self._state((self._ctx[state] + ch)[1 - self.order:]))
        return t

    def _logprob(self, state: cython.Py_ssize_t, ch: str) -> cython.double:
        """log P(ch | the state's context): as :meth:`_score`, over the state's seen suffixes."""
        total: cython.double = 0.0
        s: cython.Py_ssize_t = state
        seen: dict
        while s >= 0:
            seen = self._seen[s]
            lp = seen.get(ch)
            if lp is not None:
                total += lp
                break
            total += self._bow[s]
            s = self._shorter[s]
        else:
            total += self.floor
        return total

    def logprob(self, word: str) -> float:
        """log P(word) with begin/end marks: one dictionary look-up per character."""
        trans, state = self.trans, self._start
        total = 0.0
        for ch in word:
            lp, state = trans[state].get(ch) or self.step(state, ch)
            total += lp
        return total + self.end[state]

    def reset(self) -> None:
        """Forget the transitions added on use (to measure speed from fresh caches)."""
        keys = self._keys
        for state, (trans, seen) in enumerate(zip(self.trans, self._seen)):
            if len(trans) > len(seen):
                self.trans[state] = {key: trans[key] for key in (keys.get(ch, ch) for ch in seen)}

    def _compile_states(self) -> None:
        """The states of the seen contexts with their seen transitions."""
        #: per state (an index): next character (or key) -> (log P, next state). Integers and floats only, so
        #: that the garbage collector stops tracking them.
        self._ctx = [*self._logp, *(() if "" in self._logp else ("",))]   # the context of each state
        self._index = {ctx: state for state, ctx in enumerate(self._ctx)}
        self.trans = [{} for _ in self._ctx]
        keys = self._keys
        for ctx, seen in self._logp.items():
            trans = self.trans[self._index[ctx]]
            for ch, lp in seen.items():
                trans[keys.get(ch, ch)] = (lp, self._state((ctx + ch)[1 - self.order:]))
        self._start = self._state(self._pad)
        # per state: log P of the seen next characters, back-off weight, and the state of the longest seen
        # shorter suffix (-1 for none), which :meth:`step` walks as :meth:`_score` walks the suffixes (a context
        # not seen in training, only ever "", is a state with nothing seen and a weight of 0.0)
        self._seen = [self._logp.get(ctx, {}) for ctx in self._ctx]
        self._bow = [self._backoff.get(ctx, 0.0) for ctx in self._ctx]
        self._shorter = [self._state(ctx[1:]) if ctx else -1 for ctx in self._ctx]
        #: per state: log P of the end of the word
        self.end = [self._logprob(state, EOS) for state in range(len(self._ctx))]


def rescored(lm: CharLM, joint: JointLM, units: Sequence[str], scores: list[float], nodes: list[Node],
             lm_weight: cython.double, joint_weight: cython.double, bonus: cython.double = 0.0,
             bonus_letters: str = "") -> list[tuple[str, float]]:
    """(spelling, score) of each hypothesis of :func:`search`: its unit-model score plus the weighted log P of
    the target-script character model ``lm`` and of the graphone model ``joint``, plus ``bonus`` per letter
    of ``bonus_letters`` in it. Each spelling is walked whole: compiled, that is faster than keeping the
    models' states on the nodes of shared prefixes, which allocates more than it saves."""
    jlm: CharLM = joint.lm
    code: dict = joint.code
    lend: list = lm.end
    jend: list = jlm.end
    letter: str
    n: cython.Py_ssize_t
    ltrans: list = lm.trans
    jtrans: list = jlm.trans
    trans: dict
    o: str
    i: cython.Py_ssize_t
    h: cython.Py_ssize_t
    ls: cython.Py_ssize_t
    js: cython.Py_ssize_t
    lp: cython.double
    lt: cython.double
    jt: cython.double
    score: cython.double
    start: cython.Py_ssize_t = lm.start()
    jstart: cython.Py_ssize_t = jlm.start()
    chain: tuple
    out = []
    for h in range(min(len(scores), len(nodes))):
        score, chain = scores[h], paths(nodes[h])
        ls, lt, js, jt = start, 0.0, jstart, 0.0
        for i in range(len(chain)):
            o = chain[i]
            for ch in o:
                trans = ltrans[ls]
                hit = trans.get(ch)
                lp, ls = hit if hit is not None else lm.step(ls, ch)
                lt += lp
            g = (units[i], o)
            trans = jtrans[js]
            hit = trans.get(g)
            lp, js = hit if hit is not None else jlm.step(js, code.get(g, JOINT_OOV), g)
            jt += lp
        text = "".join(chain)
        lt += lend[ls]
        jt += jend[js]
        score += lm_weight * lt + joint_weight * jt
        if bonus_letters:
            n = 0
            for letter in bonus_letters:
                n += text.count(letter)
            score += bonus * n
        out.append((text, score))
    return out
