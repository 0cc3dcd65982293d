"""Normalise report text for the number grammar, keeping the way back.

Contract: `normalise(text) -> Normalised`; `Normalised.to_original(i)` maps an index in
the normalised text to the index in the input text.  Implemented by the normalise helper.
"""
