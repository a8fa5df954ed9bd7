"""The learned transliteration model: each unit of a word (see :mod:`.chunks`) becomes a string of the other
script, chosen by the unit and its neighbours; an n-best list is the k best combinations, rescored with a
character n-gram model of names in the target script.

Probabilities are Witten-Bell interpolations over a chain of contexts, from the unit with two neighbours on
each side down to the unit alone, so rare contexts back off smoothly. The counts come from
``tools/learn_translit.py`` (EM alignment of Latin/Urdu name pairs) and live in ``linker/data``.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from functools import lru_cache
from operator import itemgetter

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
#: A hypothesis of :func:`search`: [its last output, the node before it (None before the first unit), ...].
Node = list | None


def context_keys(units: Sequence[str], i: int) -> list[str]:
    """The context key of unit ``i`` at every level of :data:`LEVELS`."""
    padded = [BOS, BOS, *units, EOS, EOS]
    return [_key(padded, i, level) for level in LEVELS]


def _key(padded: Sequence[str], i: int, level: tuple[int, ...]) -> str:
    return "\t".join(padded[i + 2 + level[0]:i + 3 + level[-1]])


_SLICES = [slice(2 + level[0], 3 + level[-1]) for level in LEVELS]


def _window_keys(w: tuple[str, ...]) -> list[str]:
    """The context keys of the middle unit of a window of five units, at every level of :data:`LEVELS`."""
    return ["\t".join(w[s]) for s in _SLICES]


@lru_cache(maxsize=None)
def _extensions(k: int, beam: int) -> tuple[int, ...]:
    """How many outputs the j-th best of ``k`` hypotheses can keep in a k-best search (see nbest)."""
    return tuple(min(beam, k // (j + 1)) for j in range(k))


def search(dists: list[list[tuple[str, float]]], k: int, beam: int = 3) -> tuple[list[float], list[Node]]:
    """The ``k`` best choices of one output per unit from each unit's (output, log P) best first, as their log
    scores, best first, and their last nodes: a node is [output, previous node], so hypotheses share their
    common prefixes (see :func:`paths`); a rescorer may append what it found for the prefix."""
    scores: list[float] = [0.0]
    nodes: list[Node] = [None]
    for d in dists:
        if len(d) == 1:
            o, s = d[0]
            scores = [hs + s for hs in scores]
            nodes = [[o, node] for node in nodes]
            continue
        # the j-th best hypothesis (from 0) extended by the m-th best output is beaten by (j+1)(m+1)-1
        # others listed before it, so only those with (j+1)(m+1) <= k can be kept (list.sort is stable)
        kept = [(hs + s, node, o) for hs, node, most in zip(scores, nodes, _extensions(k, beam))
                for o, s in d[:most]]
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


class UnitModel:
    """P(output | unit in context) for one direction."""

    def __init__(self, levels: list[dict[str, dict[str, int]]], max_outputs: int = 24):
        self.levels = [_Table(t) for t in levels]
        base = self.levels[-1]
        # candidate outputs of a unit: the most frequent ones seen for it anywhere
        self.support = {k: sorted(v, key=v.get, reverse=True)[:max_outputs] for k, v in base.counts.items()}
        self.generated = {k: v[:GENERATED_OUTPUTS] for k, v in self.support.items()}
        self._stats = [table.stats for table in self.levels]
        # memos per level, by context (bounded by the contexts): distributions, and probabilities
        self._cache: list[dict[str, list[tuple[str, float]]]] = [{} for _ in levels]
        self._probs: list[dict[str, list[float]]] = [{} for _ in levels]
        self._window: dict[tuple[str, ...], list[tuple[str, float]]] = {}   # by the five units around one

    def distribution(self, keys: list[str], outputs: int | None = GENERATED_OUTPUTS) -> list[tuple[str, float]]:
        """(output, log-probability) best first for one unit, given its context keys (see LEVELS), over the
        unit's ``outputs`` most frequent candidate outputs, renormalised. The generated outputs (the default)
        leave out those less likely than PRUNE times the best one and are memoised by the most specific context
        seen in training (a few tens of thousands); ``outputs=None`` gives all, unpruned, for forced alignment.
        """
        for top, stats in enumerate(self._stats):
            if keys[top] in stats:
                break
        else:
            return []
        if outputs == GENERATED_OUTPUTS:
            return self._cache[top].get(keys[top]) or self._generated(top, keys)
        outs = self.support.get(keys[-1], ())[:outputs]
        p = self._interpolated(top, keys, outs)
        total = sum(p) or 1.0
        return sorted(((o, math.log(q / total)) for o, q in zip(outs, p)), key=lambda x: -x[1])

    def _interpolated(self, top: int, keys: list[str], outs: Sequence[str],
                      memos: list[dict[str, list[float]]] | None = None) -> list[float]:
        """P of each of ``outs`` for the unit in contexts ``keys``, the most specific seen in training being
        ``keys[top]``: each seen level's probabilities extend those of the next, less specific, one.

        ``memos`` (one dictionary per level, by context) keeps each level's list; valid for one choice of outputs
        per unit, as every context key holds its unit."""
        levels, stats = self.levels, self._stats
        p: list[float] | None = None
        todo = []
        for i in range(top, len(keys)):
            if keys[i] not in stats[i]:
                continue
            if memos is not None:
                p = memos[i].get(keys[i])
                if p is not None:
                    break
            todo.append(i)
        for i in reversed(todo):
            table, key = levels[i], keys[i]
            counts, (n, t) = table.counts[key], table.stats[key]
            if p is None:
                p = [counts.get(o, 0) / n for o in outs]
            else:
                st, nst = SMOOTH * t, n + SMOOTH * t
                p = [(counts.get(o, 0) + st * q) / nst for o, q in zip(outs, p)]
            if memos is not None:
                memos[i][key] = p
        return p

    def _generated(self, top: int, keys: list[str]) -> list[tuple[str, float]]:
        """:meth:`distribution` of the generated outputs, the most specific seen context being ``keys[top]``,
        with each level's probabilities memoised per context."""
        outs = self.generated.get(keys[-1], ())
        p = self._interpolated(top, keys, outs, self._probs)
        total = sum(p) or 1.0
        floor = max(p, default=0.0) * PRUNE
        dist = [(o, math.log(q / total)) for o, q in zip(outs, p) if q > floor]
        dist.sort(key=itemgetter(1), reverse=True)   # stable: ties keep the order of the outputs
        self._cache[top][keys[top]] = dist
        return dist

    def dists(self, units: Sequence[str], pruned: bool = True) -> list[list[tuple[str, float]]]:
        """The output distribution of every unit of a word: the generated outputs (see :meth:`distribution`),
        memoised by the window of five units around the unit (up to WINDOWS of them), or with ``pruned=False``
        all outputs."""
        padded = (BOS, BOS, *units, EOS, EOS)   # a tuple: its slices are the windows
        if not pruned:
            return [self.distribution([_key(padded, i, level) for level in LEVELS], None) or [(units[i], 0.0)]
                    for i in range(len(units))]
        window, stats, cache = self._window, self._stats, self._cache
        out = []
        for i in range(len(units)):
            w = padded[i:i + 5]
            d = window.get(w)
            if d is None:
                # as distribution(): the most specific seen context's memo, the keys below it only on a miss
                for top, (seen, sl) in enumerate(zip(stats, _SLICES)):
                    key = "\t".join(w[sl])
                    if key in seen:
                        d = cache[top].get(key) or self._generated(top, _window_keys(w))
                        break
                d = d or [(units[i], 0.0)]
                if len(window) >= WINDOWS:
                    window.clear()
                window[w] = d
            out.append(d)
        return out

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
    """P(graphone sequence) of one direction: a trigram model over (unit, output) pairs.

    Walks the states of its character model keyed by the graphones themselves, so that scoring a candidate
    neither codes nor joins it."""

    def __init__(self, vocab: list[list[str]], counts: dict[str, dict[str, int]]):
        self.code = {tuple(g): chr(JOINT_BASE + i) for i, g in enumerate(vocab)}
        self.lm = CharLM(JOINT_ORDER, counts)

    def logprob(self, units: Sequence[str], outs: Sequence[str]) -> float:
        lm = self.lm
        state = lm.start()
        total = 0.0
        for g in zip(units, outs):
            lp = state.get(g)
            if lp is None:
                lp = lm.step(state, self.code.get(g, JOINT_OOV), g)
            total += lp
            state = state.next[g]
        lp = state.get(EOS)
        return total + (lp if lp is not None else lm.step(state, EOS))


class CharLM:
    """Character n-gram model of words of one script (Witten-Bell interpolated), for rescoring.

    Stored as counts; each seen n-gram and context is turned on first use into back-off form (log P of the
    n-gram, back-off weight of the context), and each context into a state that remembers, per next character,
    its log P (back-off weights added in the order of :meth:`_score`, so the floats are the same) and the next
    state: scoring a word costs one dictionary look-up per character, and loading costs nothing. States are the
    seen contexts, whatever the input. Filling the tables lazily is safe across threads: every value is computed
    the same way.
    """

    def __init__(self, order: int, counts: dict[str, dict[str, int]]):
        self.order = order
        self._pad = BOS * (order - 1)
        self._table = _Table(counts)
        self.floor = math.log(1.0 / (len(self._table.counts.get("", {})) + 1))
        self._logp: dict[str, dict[str, float]] = {}   # seen context -> seen next character -> log P, on use
        self._backoff: dict[str, float] = {}           # seen context -> back-off weight, on use
        self._states: dict[str, _State] = {}
        self._start: _State | None = None

    def _seen(self, ctx: str, ch: str, c: int) -> float:
        """log P(ch | ctx) of a character seen ``c`` times after the seen context ``ctx``."""
        logp = self._logp.get(ctx)
        if logp is None:
            logp = self._logp[ctx] = {}
        lp = logp.get(ch)
        if lp is None:
            n, t = self._table.stats[ctx]
            lp = logp[ch] = math.log((c + t * math.exp(self._score(ctx[1:], ch) if ctx else self.floor)) / (n + t))
        return lp

    def _score(self, ctx: str, ch: str) -> float:
        """log P(ch | ctx) in back-off form."""
        total = 0.0
        counts = self._table.counts
        while True:
            seen = counts.get(ctx)
            if seen is not None:
                c = seen.get(ch)
                if c is not None:
                    return total + self._seen(ctx, ch, c)
                bow = self._backoff.get(ctx)
                if bow is None:
                    n, t = self._table.stats[ctx]
                    bow = self._backoff[ctx] = math.log(t / (n + t))
                total += bow
            if not ctx:
                return total + self.floor
            ctx = ctx[1:]

    def _state(self, ctx: str) -> _State:
        """The state of the longest seen suffix of ``ctx`` (its transitions filled on use)."""
        while ctx not in self._table.stats and ctx:
            ctx = ctx[1:]
        state = self._states.get(ctx)
        if state is None:
            state = self._states[ctx] = _State(ctx)
        return state

    def start(self) -> _State:
        """The state before the first character."""
        state = self._start
        if state is None:
            state = self._start = self._state(self._pad)
        return state

    def step(self, state: _State, ch: str, key: Hashable | None = None) -> float:
        """log P(ch | the state's context), remembered in ``state`` under ``key`` (default ``ch``) with the
        state after ``ch``."""
        key = ch if key is None else key
        state.next[key] = self._state((state.ctx + ch)[1 - self.order:])
        lp = state[key] = self._score(state.ctx, ch)   # last: whoever finds the log P finds the next state
        return lp

    def logprob(self, word: str) -> float:
        """log P(word) with begin/end marks: one dictionary look-up per character."""
        state = self.start()
        total = 0.0
        for ch in word + EOS:
            lp = state.get(ch)
            if lp is None:
                lp = self.step(state, ch)
            total += lp
            state = state.next[ch]
        return total

    def reset(self) -> None:
        """Forget the back-off form and the states (to measure speed from a fresh model)."""
        self._logp.clear()
        self._backoff.clear()
        self._states.clear()
        self._start = None


class _State(dict):
    """A context of a character model: maps a next character (or graphone, see :class:`JointLM`) to its log P;
    ``next`` maps it to the next state. (Floats in one dictionary, states in another: no tuple per transition
    for the garbage collector to track.)"""

    __slots__ = ("ctx", "next")

    def __init__(self, ctx: str):
        super().__init__()
        self.ctx = ctx
        self.next: dict[Hashable, _State] = {}
