"""The encoder's width-3 convolutions, ReLUs and batch norms, as slovnet computes them and
folded for sentences packed end to end (the taggers' numeric kernels)."""

from __future__ import annotations

from typing import Any

import numpy


class CNNEncoder:
    """slovnet's ``CNNEncoder`` forward pass, kept in (batch, words, features) layout.

    slovnet transposes to (batch, features, words) for every layer and multiplies a matrix of
    convolution windows (each word's features beside its neighbours') by the kernel. Here each
    word's features are multiplied by the kernel's three columns at once, and the products are
    added at the positions before, at and after the word (:func:`_conv`): the same sums in
    another order, without the windows' copy. ReLU, batch norm and the padding mask are the
    same element-wise operations; the output equals slovnet's up to float rounding.
    """

    def __init__(self, encoder: Any, first_conv_done: bool = False) -> None:
        self.layers = encoder.layers
        self.first_conv_done = first_conv_done
        self.kernels = [_kernel_columns(layer.conv) for layer in self.layers]
        self.folded = [
            _folded_conv(before.norm, kernel, layer.conv.bias.array)
            for before, layer, kernel in zip(self.layers, self.layers[1:], self.kernels[1:])
        ]
        self.heads: dict[int, tuple[numpy.ndarray, numpy.ndarray]] = {}

    def __call__(self, input: numpy.ndarray, mask: numpy.ndarray) -> numpy.ndarray:
        """``input``: the embeddings, or with ``first_conv_done`` the first convolution's
        output (:class:`FirstLayer`)."""
        x = input
        for number, (layer, kernel) in enumerate(zip(self.layers, self.kernels)):
            if number or not self.first_conv_done:
                x = _conv(kernel, layer.conv.bias.array, x)
            _relu_norm(layer, x)
            x[mask] = 0
        return x

    def flat(self, x: numpy.ndarray, firsts: numpy.ndarray, lasts: numpy.ndarray) -> numpy.ndarray:
        """The layers on sentences packed end to end ((words, features), no padding):
        ``firsts``/``lasts``, each sentence's first and last position; nothing is added across
        a sentence's ends (a padded position's features are zero in :meth:`__call__`, and so
        are its products). ``x``: as :meth:`__call__` takes it (this overwrites it).

        Each layer's batch norm (an affine map of its ReLU's output) is folded into the next
        convolution (:func:`_folded_conv`), and the last one into the head
        (:meth:`folded_head`): the output is the last layer's ReLU, before its norm. The same
        function as :meth:`__call__` with the head, up to float rounding (without four
        element-wise passes over each layer's output)."""
        if not self.first_conv_done:
            x = _flat_conv(self.kernels[0], self.layers[0].conv.bias.array, x, firsts, lasts)
        numpy.maximum(x, 0, out=x)
        for kernel, bias, before, after in self.folded:
            x = _flat_conv(kernel, bias, x, firsts, lasts)
            x[firsts] -= before  # no word before a sentence's first: its term is not added
            x[lasts] -= after
            numpy.maximum(x, 0, out=x)
        return x

    def folded_head(self, proj: Any) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The weight and bias of the linear head ``proj`` with the last layer's batch norm
        folded in, for the output of :meth:`flat`."""
        key = id(proj.weight.array)
        if key not in self.heads:
            scale, shift = _norm_affine(self.layers[-1].norm)
            weight = proj.weight.array
            self.heads[key] = (
                numpy.ascontiguousarray(weight * scale[:, None]),
                proj.bias.array + shift @ weight,
            )
        return self.heads[key]


def _norm_affine(norm: Any) -> tuple[numpy.ndarray, numpy.ndarray]:
    """A batch norm, ``(x - mean) / std * weight + bias``, as ``x * scale + shift``."""
    scale = norm.weight.array / norm.std.array
    return scale, norm.bias.array - norm.mean.array * scale


def _folded_conv(
    norm: Any, kernel: numpy.ndarray, bias: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """A convolution (``kernel`` as :func:`_kernel_columns` gives it, and ``bias``) of the
    output of the batch norm ``norm``, as one of the norm's input: (the kernel's rows scaled
    by the norm's scale, the bias with the norm's shift times all three columns, the shift
    times the column of the word before, times the column of the word after). A sentence's
    first word has no word before it (a padded position, zero, not the norm's shift), so the
    third is taken back there, and the fourth at its last word."""
    scale, shift = _norm_affine(norm)
    filters = kernel.shape[1] // 3
    shifted = shift @ kernel
    before, at, after = shifted[:filters], shifted[filters : 2 * filters], shifted[2 * filters :]
    return (
        numpy.ascontiguousarray(kernel * scale[:, None]),
        bias + before + at + after,
        before,
        after,
    )


def _relu_norm(layer: Any, x: numpy.ndarray) -> None:
    """A layer's ReLU and batch norm, in place on the fresh convolution output ``x``."""
    x.clip(0, out=x)
    norm = layer.norm
    x -= norm.mean.array
    x /= norm.std.array
    x *= norm.weight.array
    x += norm.bias.array


def _kernel_columns(conv: Any) -> numpy.ndarray:
    """A width-3 ``Conv1d``'s kernel as one matrix: a row per input feature, and for each of
    the kernel's columns (the word before, the word, the word after) a block of filters."""
    filters, features, kernel = conv.weight.shape
    if kernel != 3 or conv.padding != 1:
        raise ValueError(f"a convolution of width 3 was expected, got {kernel}")
    return numpy.ascontiguousarray(
        conv.weight.array.transpose(1, 2, 0).reshape(features, kernel * filters)
    )


def _shifted_sum(terms: numpy.ndarray, bias: numpy.ndarray) -> numpy.ndarray:
    """The convolution's output from each word's products with the kernel's three columns
    ((batch, words, 3 * filters)): bias + the word's own + its neighbours' (zero past the
    ends)."""
    batch, size, width = terms.shape
    terms = terms.reshape(batch, size, 3, width // 3)
    output = terms[:, :, 1] + bias
    output[:, 1:] += terms[:, :-1, 0]  # the word before
    output[:, :-1] += terms[:, 1:, 2]  # the word after
    return output


def _flat_shifted_sum(
    terms: numpy.ndarray, bias: numpy.ndarray, firsts: numpy.ndarray, lasts: numpy.ndarray
) -> numpy.ndarray:
    """:func:`_shifted_sum` for sentences packed end to end ((words, 3 * filters)): nothing is
    added across a sentence's first or last word (the neighbour's products are zeroed in
    ``terms``, which this overwrites)."""
    size, width = terms.shape
    terms = terms.reshape(size, 3, width // 3)
    output = terms[:, 1] + bias
    terms[lasts, 0] = 0  # no word before a sentence's first
    terms[firsts, 2] = 0  # no word after a sentence's last
    output[1:] += terms[:-1, 0]
    output[:-1] += terms[1:, 2]
    return output


def _flat_conv(
    kernel: numpy.ndarray,
    bias: numpy.ndarray,
    x: numpy.ndarray,
    firsts: numpy.ndarray,
    lasts: numpy.ndarray,
) -> numpy.ndarray:
    """:func:`_conv` on sentences packed end to end ((words, features))."""
    return _flat_shifted_sum(numpy.matmul(x, kernel), bias, firsts, lasts)


def _conv(kernel: numpy.ndarray, bias: numpy.ndarray, x: numpy.ndarray) -> numpy.ndarray:
    """slovnet's ``Conv1d`` (width 3, padding 1) on a (batch, words, features) input, with the
    kernel as :func:`_kernel_columns` gives it."""
    batch, size, features = x.shape
    terms = numpy.matmul(x.reshape(batch * size, features), kernel)
    return _shifted_sum(terms.reshape(batch, size, -1), bias)
