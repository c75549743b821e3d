/* The module loopscope_runtime._accel: built for each CPython 3.11+ found at build time
   (app/runtime/CMakeLists.txt). The runtime runs without it (LOOPSCOPE_PURE_PYTHON=1 forces
   that); tests run both. */
#include "accel.h"

static PyMethodDef accel_methods[] = {
    {"emit", (PyCFunction)(void (*)(void))accel_emit, METH_FASTCALL | METH_KEYWORDS,
     "emit(body, always=False) -> t: one record (stream.py's emit)."},
    {"emitf", (PyCFunction)(void (*)(void))accel_emitf, METH_FASTCALL,
     "emitf(template, *args) -> t: emit(template.format(*args)), `{}` fields only."},
    {"init", accel_init, METH_O, "init(python_emit): where records go while no ring is open."},
    {"set_clock_origin", accel_set_clock_origin, METH_O, "set_clock_origin(T0)."},
    {"set_budget", accel_set_budget, METH_VARARGS, "set_budget(n, on_budget)."},
    {"open_ring", accel_open_ring, METH_O, "open_ring(fd): records go into the runner's ring."},
    {"detach", accel_detach, METH_NOARGS, "detach(): a forked child writes nothing more."},
    {"alive", accel_alive, METH_NOARGS, "alive() -> True while the ring is open and read."},
    {"dropped", accel_dropped, METH_NOARGS, "dropped() -> records kept out by the budget."},
    {"init_await_walk", accel_init_await_walk, METH_VARARGS,
     "init_await_walk(code_kinds, code_kind, pass_through, agen_awaitables, agen_of)."},
    {"walk_await_chain", accel_walk_await_chain, METH_O,
     "walk_await_chain(coro) -> (line, label_frame): labels.py's walk_await_chain."},
    {"settrace_generators", accel_settrace_generators, METH_VARARGS,
     "settrace_generators(gen_call, gen_skip, skipping): gen_settrace.py's tracing, sampled-out "
     "activations handled in C."},
    {"init_task_steps", accel_init_task_steps, METH_VARARGS,
     "init_task_steps(LoopState, TaskInfo, task_types, orig_handle_run, base_call_soon, "
     "py_call_soon, RUN, RUN_LATE, SUSPEND, SLEEP_0, frame_rules, internal_error) -> "
     "(Handle._run, call_soon)."},
    {"handle_run", accel_handle_run, METH_O, "Handle._run of the instrumented loop."},
    {"call_soon", (PyCFunction)(void (*)(void))accel_call_soon, METH_FASTCALL | METH_KEYWORDS,
     "call_soon(loop, callback, *args, context=None) of the instrumented loop."},
    {"init_gen_monitoring", accel_init_gen_monitoring, METH_VARARGS,
     "init_gen_monitoring(GenInfo, gen_ids, gens, sites, stacks, GEN_CAP, ENTER, LEAVE, quote, "
     "current_lane, on_resume, on_yield, watch_silent_close, internal_error) -> (on_resume, "
     "on_yield)."},
    {"on_resume", (PyCFunction)(void (*)(void))accel_on_resume, METH_FASTCALL,
     "gen_monitoring's PY_RESUME callback."},
    {"on_yield", (PyCFunction)(void (*)(void))accel_on_yield, METH_FASTCALL,
     "gen_monitoring's PY_YIELD callback."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef accel_module = {
    PyModuleDef_HEAD_INIT, "_accel",
    "The runtime's hot paths in C (stream.py and labels.py hold the reference implementations).",
    -1, accel_methods, NULL, NULL, NULL, NULL,
};

/* getattr(obj, name, None) without raising (and clearing) an AttributeError: 1 found, 0 not,
   -1 error. */
int accel_optional_attr(PyObject *obj, PyObject *name, PyObject **result)
{
#if PY_VERSION_HEX >= 0x030D0000
    return PyObject_GetOptionalAttr(obj, name, result);
#else
    return _PyObject_LookupAttr(obj, name, result);
#endif
}

PyMODINIT_FUNC PyInit__accel(void)
{
    return PyModule_Create(&accel_module);
}
