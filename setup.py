"""Compiles the transliteration decoder (linker/translit/model.py) to a C extension with Cython; the metadata
stays in setup.cfg. The module's annotations carry the C types, so the same file runs as plain Python when
the extension is absent (the build is optional: without a C compiler pip installs the pure-Python package)."""
from Cython.Build import cythonize
from setuptools import Extension, setup

# -ffp-contract=off: no fused multiply-add, so every float is the one plain Python computes
DECODER = Extension("linker.translit.model", ["linker/translit/model.py"], extra_compile_args=["-ffp-contract=off"],
                    optional=True)

setup(ext_modules=cythonize([DECODER], compiler_directives={"language_level": 3}))
