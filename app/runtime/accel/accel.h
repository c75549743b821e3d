/* loopscope_runtime._accel: the runtime's hot paths in C, each the twin of a Python function
   that stays the reference and the fallback (module.c lists them). */
#ifndef LOOPSCOPE_ACCEL_H
#define LOOPSCOPE_ACCEL_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

/* ring_emit.c: stream.py's emit() and emitf() over the runner's ring */
PyObject *accel_emit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);
PyObject *accel_emitf(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *accel_emit_values(PyObject *template_str, PyObject *const *args, Py_ssize_t nargs);
PyObject *accel_init(PyObject *self, PyObject *fallback);
PyObject *accel_set_clock_origin(PyObject *self, PyObject *origin);
PyObject *accel_set_budget(PyObject *self, PyObject *args);
PyObject *accel_open_ring(PyObject *self, PyObject *arg);
PyObject *accel_detach(PyObject *self, PyObject *unused);
PyObject *accel_alive(PyObject *self, PyObject *unused);
PyObject *accel_dropped(PyObject *self, PyObject *unused);
long long accel_now(void);    /* time.perf_counter_ns() - stream.T0 */

/* await_chain.c: labels.py's walk_await_chain() */
PyObject *accel_init_await_walk(PyObject *self, PyObject *args);
PyObject *accel_walk_await_chain(PyObject *self, PyObject *start);

/* gen_trace.c: the trampoline of gen_settrace.py (3.11) */
PyObject *accel_settrace_generators(PyObject *self, PyObject *args);

/* task_steps.c: loop.py's Handle._run for task steps */
PyObject *accel_init_task_steps(PyObject *self, PyObject *args);
PyObject *accel_handle_run(PyObject *self, PyObject *handle);
PyObject *accel_call_soon(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames);

/* Across the CPython versions built for */
int accel_optional_attr(PyObject *obj, PyObject *name, PyObject **result);

#endif
