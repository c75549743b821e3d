/* loopscope_runtime._accel: the runtime's hot paths in C, each the twin of a Python function
   that stays the reference and the fallback (module.c lists them). */
#ifndef LOOPSCOPE_ACCEL_H
#define LOOPSCOPE_ACCEL_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
#include <structmember.h>

#define COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

/* Module state given by an init_* function: each slot takes a new reference to its value. */
typedef struct {
    PyObject **slot;
    PyObject *value;
} Kept;

static inline void keep_all(const Kept *kept, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        Py_INCREF(kept[i].value);
        Py_XDECREF(*kept[i].slot);
        *kept[i].slot = kept[i].value;
    }
}

/* Strings made once (attribute names, record words): each slot gets its interned text. */
typedef struct {
    PyObject **slot;
    const char *text;
} Interned;

static inline int intern_all(const Interned *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (*names[i].slot == NULL
            && (*names[i].slot = PyUnicode_InternFromString(names[i].text)) == NULL)
            return -1;
    }
    return 0;
}

/* The runtime's own classes keep their fields in __slots__: C reads and writes them through the
   slots' member definitions, found once by name. */
static inline int find_members(PyTypeObject *type, const char **names, PyMemberDef **members,
                               int n)
{
    for (int i = 0; i < n; i++) {
        PyObject *descr = PyObject_GetAttrString((PyObject *)type, names[i]);
        if (descr == NULL)
            return -1;
        int is_slot = Py_TYPE(descr) == &PyMemberDescr_Type;
        if (is_slot)    /* the class keeps the descriptor, and so its definition, alive */
            members[i] = ((PyMemberDescrObject *)descr)->d_member;
        Py_DECREF(descr);
        if (!is_slot) {
            PyErr_Format(PyExc_TypeError, "%s.%s is not a slot", type->tp_name, names[i]);
            return -1;
        }
    }
    return 0;
}

static inline PyObject *get_field(PyObject *obj, PyMemberDef *member)   /* a new reference */
{
    return PyMember_GetOne((const char *)obj, member);
}

static inline int set_field(PyObject *obj, PyMemberDef *member, PyObject *value)
{
    return PyMember_SetOne((char *)obj, member, value);
}

static inline int set_int_field(PyObject *obj, PyMemberDef *member, long long value)
{
    PyObject *v = PyLong_FromLongLong(value);
    if (v == NULL)
        return -1;
    int rc = set_field(obj, member, v);
    Py_DECREF(v);
    return rc;
}

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

/* gen_monitor.c: gen_monitoring.py's PY_RESUME and PY_YIELD callbacks (3.12+) */
PyObject *accel_init_gen_monitoring(PyObject *self, PyObject *args);
PyObject *accel_on_resume(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *accel_on_yield(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

/* task_steps.c: loop.py's Handle._run for task steps */
PyObject *accel_init_task_steps(PyObject *self, PyObject *args);
PyObject *accel_handle_run(PyObject *self, PyObject *handle);
PyObject *accel_call_soon(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames);

/* Across the CPython versions built for */
int accel_optional_attr(PyObject *obj, PyObject *name, PyObject **result);

#endif
