"""Compare a plan-book read with an ``.expected.json`` under the samples README's rules.

Text: every whitespace character deleted and Thai digits mapped to Arabic. Money and counts:
numbers equal within 0.005. None is not 0. Only the keys the expected side has are compared.
"""

from __future__ import annotations

import re

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def norm_text(s: str) -> str:
    return re.sub(r"\s+", "", s.translate(THAI))


def differences(expected, actual, path: str = "") -> list[str]:
    """Every place where ``actual`` does not match ``expected`` (empty when they match)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        out = []
        for k, v in expected.items():
            if k not in actual:
                out.append(f"{path}.{k}: missing")
            else:
                out += differences(v, actual[k], f"{path}.{k}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {len(actual) if isinstance(actual, list) else actual!r}"]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += differences(e, a, f"{path}[{i}]")
        return out
    if expected is None or actual is None:
        return [] if expected is None and actual is None else [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, bool) or isinstance(actual, bool):
        return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, (int, float)):
        ok = isinstance(actual, (int, float)) and abs(expected - actual) <= 0.005
        return [] if ok else [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, str):
        ok = isinstance(actual, str) and norm_text(expected) == norm_text(actual)
        return [] if ok else [f"{path}: expected {expected!r}, got {actual!r}"]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
