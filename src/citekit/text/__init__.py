"""Facts about text that several stages need, in one home every stage imports.

Identifier patterns and check digits, script and CJK predicates, word lists (lexicons) and the
pinyin sort key live here, so that the parser, the validator, the renderer and the format readers
never keep copies that drift apart.
"""
