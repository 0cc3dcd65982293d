"""The number grammar: find quantities in normalised text and read their values.

Contract: `find_quantities(text) -> list[Quantity]`, `parse_number(text) -> ParsedNumber`.
Implemented by the numbers helper.
"""
