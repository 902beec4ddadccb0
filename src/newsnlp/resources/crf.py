"""slovnet's CRF Viterbi decode, for all the word lists of a batch at once."""

from __future__ import annotations

import numpy


def _split(array: numpy.ndarray, sizes: numpy.ndarray) -> list[numpy.ndarray]:
    """``array`` cut into consecutive parts of ``sizes`` (summing to its length), as views:
    ``numpy.split``'s parts, without its per-part calls (thousands of sentences a batch)."""
    ends = numpy.cumsum(sizes).tolist()
    return [array[start:end] for start, end in zip([0, *ends], ends)]


def crf_paths(
    transitions: numpy.ndarray, emissions: numpy.ndarray, lengths: numpy.ndarray
) -> list[numpy.ndarray]:
    """slovnet's CRF Viterbi decode (``CRF.decode``) of word lists packed end to end:
    ``emissions`` (words, tags) of lists of ``lengths`` words (0 for an empty list), the best
    tag path of each list.

    The forward pass is slovnet's (the same sums, the best score gathered at ``argmax``), for
    all the lists at once instead of a padded batch at a time: the lists are taken shortest
    first, so the ones still running at a position are the last ones, and each step of the
    forward pass and of the trace back is a few numpy calls over those rows (no arithmetic on
    padding, and a batch's step count is its longest list's length, not the sum of each padded
    batch's).
    """
    lengths = numpy.asarray(lengths, dtype=numpy.intp)
    ends = numpy.cumsum(lengths)
    order = numpy.argsort(lengths, kind="stable")
    sizes = lengths[order]
    skip = int(numpy.searchsorted(sizes, 0, "right"))  # empty lists have no path
    order, sizes = order[skip:], sizes[skip:]
    starts = (ends - lengths)[order]
    paths = numpy.empty(len(emissions), dtype=numpy.intp)
    if len(sizes):
        tags, steps = emissions.shape[1], int(sizes[-1])
        # the first list still running at each position, and the rows of each position's
        # running lists in the words taken position by position (``at``: their places)
        running = numpy.searchsorted(sizes, numpy.arange(steps), "right")
        offsets = numpy.zeros(steps + 1, dtype=numpy.intp)
        numpy.cumsum(len(sizes) - running, out=offsets[1:])
        step = numpy.repeat(numpy.arange(steps), len(sizes) - running)
        at = starts[numpy.arange(len(step)) - offsets[step] + running[step]] + step
        taken = emissions[at]
        history = numpy.empty((len(at), tags), dtype=numpy.intp)
        # each row's (or (list, tag)'s) first cell in a flat array of rows of ``tags``: the
        # maxima are gathered at their argmax, a reduction over a few tags being slow in numpy
        cells = numpy.arange(len(at) * tags) * tags
        previous = transitions.T  # (tag, previous tag): the maxima over the last axis
        firsts, bounds = running.tolist(), offsets.tolist()  # plain ints in the loops
        score = taken[: bounds[1]].copy()
        for index in range(1, steps):
            first, low, high = firsts[index], bounds[index], bounds[index + 1]
            scores = score[first:, None, :] + previous
            scores += taken[low:high, :, None]
            best = scores.argmax(-1, out=history[low:high]).reshape(-1)
            best = best + cells[: len(best)]
            score[first:] = scores.reshape(-1)[best].reshape(-1, tags)
        best = score.argmax(-1)
        paths[starts + sizes - 1] = best
        flat_history = history.reshape(-1)
        for position in range(steps - 2, -1, -1):
            first, low, high = firsts[position + 1], bounds[position + 1], bounds[position + 2]
            best[first:] = flat_history[cells[low:high] + best[first:]]
            paths[at[low - (high - low) : low]] = best[first:]
    return _split(paths, lengths)
