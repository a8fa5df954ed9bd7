"""Compiles the transliteration decoder (linker/translit/model.py) to a C extension with Cython; the metadata
stays in setup.cfg. The module's annotations carry the C types, so the same file runs as plain Python when
the extension is absent: the build is optional, and without a C compiler pip installs the pure-Python package."""
from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:   # only without build isolation (pyproject.toml requires Cython): the pure-Python package
    cythonize = None

extensions = []
if cythonize is not None:
    # -ffp-contract=off: no fused multiply-add, so every float is the one plain Python computes
    extensions = cythonize([Extension("linker.translit.model", ["linker/translit/model.py"],
                                      extra_compile_args=["-ffp-contract=off"])],
                           compiler_directives={"language_level": 3})
    for extension in extensions:
        extension.optional = True   # set after cythonize, which drops it

setup(ext_modules=extensions)
