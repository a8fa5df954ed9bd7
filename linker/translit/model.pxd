# Cython declarations for model.py (read only when setup.py compiles it): the character model becomes an
# extension type, so the decoder reads its tables as C fields and calls its steps directly.

cdef class CharLM:
    cdef readonly Py_ssize_t order
    cdef str _pad
    cdef dict _keys
    cdef readonly double floor
    cdef dict _logp
    cdef dict _backoff
    cdef readonly list trans
    cdef list _ctx
    cdef dict _index
    cdef list _seen
    cdef list _bow
    cdef list _shorter
    cdef readonly list end
    cdef Py_ssize_t _start

    cpdef tuple step(self, Py_ssize_t state, str ch, object key=*)
    cdef double _logprob(self, Py_ssize_t state, str ch)
    cpdef Py_ssize_t _state(self, str ctx)
