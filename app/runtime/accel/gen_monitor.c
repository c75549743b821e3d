/* loopscope_runtime._accel.on_resume / on_yield: gen_monitoring.py's PY_RESUME and PY_YIELD
   callbacks (3.12+) in C, for a plain generator's recorded activations: it resumes after a
   `yield` (an `enter`) and suspends at the next one (a `leave` with the value). A generator's
   first GEN_CAP activations are recorded, and each costs two callbacks: in Python they cost
   far more than the generator's own step.

   Anything else is handed to the Python callback, unchanged, before anything is done here: an
   iterator class, a generator seen for the first time, a suspension point not yet looked at,
   an await, a close, a sampled generator (past GEN_CAP), an async generator's wrapped value.
   gen_monitoring.py stays the reference; test_accel checks that both write the same records. */
#include "accel.h"

#include <pythread.h>

#if PY_VERSION_HEX >= 0x030C0000   /* sys.monitoring */

static PyTypeObject *gen_info_type;   /* generators.GenInfo */
static PyObject *gen_ids;             /* id(code) -> (name, kind, is_iterator) */
static PyObject *gens;                /* gen_monitoring._gens: frame -> GenInfo */
static PyObject *sites;               /* gen_monitoring._sites: (id(code), offset) -> oparg */
static PyObject *stacks;              /* generators.stacks: thread ident -> [GenInfo] */
static long long gen_cap;
static PyObject *enter_template, *leave_template;
static PyObject *quote;               /* stream.quote */
static PyObject *current_lane;        /* lanes.current_lane(): the driver below all generators */
static PyObject *py_on_resume, *py_on_yield, *watch_silent_close;   /* the latter: None < 3.13 */
static PyObject *how_resume, *how_yield, *value_prefix, *ellipsis;
static PyObject *internal_error;      /* stream.internal_error(where, exc) */
static PyObject *where_generators;    /* 'generator tracing' */

enum { GI_LANE, GI_COUNT, GI_SHOWN, GI_EXC, GI_CLOSING, GI_REF, GI_SILENT, GI_LINE, GI_ACTIVE,
       GI_FIELDS };
static const char *gi_names[GI_FIELDS] = {"lane", "count", "shown", "exc", "closing", "ref",
                                          "silent", "line", "active"};
static PyMemberDef *gi[GI_FIELDS];

/* init_gen_monitoring(GenInfo, gen_ids, gens, sites, stacks, GEN_CAP, ENTER, LEAVE, quote,
   current_lane, on_resume, on_yield, watch_silent_close or None, internal_error) ->
   (on_resume, on_yield) to register */
PyObject *accel_init_gen_monitoring(PyObject *self, PyObject *args)
{
    PyObject *type, *ids, *by_frame, *site_args, *thread_stacks, *enter, *leave, *quote_fn,
        *lane_fn, *resume, *yield, *watch, *error;
    long long cap;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!LUUOOOOOO:init_gen_monitoring", &PyType_Type, &type,
                          &PyDict_Type, &ids, &PyDict_Type, &by_frame, &PyDict_Type, &site_args,
                          &PyDict_Type, &thread_stacks, &cap, &enter, &leave, &quote_fn,
                          &lane_fn, &resume, &yield, &watch, &error))
        return NULL;
    if (find_members((PyTypeObject *)type, gi_names, gi, GI_FIELDS) < 0)
        return NULL;
    const Kept kept[] = {
        {(PyObject **)&gen_info_type, type}, {&gen_ids, ids}, {&gens, by_frame},
        {&sites, site_args}, {&stacks, thread_stacks}, {&enter_template, enter},
        {&leave_template, leave}, {&quote, quote_fn}, {&current_lane, lane_fn},
        {&py_on_resume, resume}, {&py_on_yield, yield}, {&watch_silent_close, watch},
        {&internal_error, error},
    };
    keep_all(kept, COUNT_OF(kept));
    gen_cap = cap;
    if (ellipsis == NULL && (ellipsis = PyUnicode_FromOrdinal(0x2026)) == NULL)
        return NULL;
    const Interned names[] = {
        {&how_resume, "resume"}, {&how_yield, "yield"}, {&value_prefix, ",\"value\":"},
        {&where_generators, "generator tracing"},
    };
    if (intern_all(names, COUNT_OF(names)) < 0)
        return NULL;
    PyObject *on_resume = PyObject_GetAttrString(self, "on_resume");
    PyObject *on_yield = on_resume != NULL ? PyObject_GetAttrString(self, "on_yield") : NULL;
    PyObject *callbacks = on_yield != NULL ? PyTuple_Pack(2, on_resume, on_yield) : NULL;
    Py_XDECREF(on_resume);
    Py_XDECREF(on_yield);
    return callbacks;
}

/* What one callback knows once it has looked its generator up. */
typedef struct {
    PyObject *frame;        /* borrowed: the generator's frame, running */
    PyObject *info;         /* GenInfo */
    PyObject *stack;        /* this thread's generator stack */
    long site;              /* the RESUME oparg of this suspension point */
} Activation;

static void activation_clear(Activation *a)
{
    Py_CLEAR(a->info);
    Py_CLEAR(a->stack);
}

/* 1: a plain generator known to the Python callbacks, at a known suspension point, on a
   thread that has a generator stack (maybe empty); 0: not that (the Python callback takes it);
   -1: error. */
static int look_up(PyObject *code, PyObject *offset, Activation *a)
{
    a->info = a->stack = NULL;
    PyObject *key = PyLong_FromVoidPtr(code);
    PyObject *meta = key != NULL ? PyDict_GetItemWithError(gen_ids, key) : NULL;
    PyObject *site = NULL;
    int found = 0;
    if (meta == NULL || !PyTuple_Check(meta) || PyTuple_GET_SIZE(meta) < 3
        || PyTuple_GET_ITEM(meta, 2) != Py_False)
        goto done;                                   /* unknown, or an iterator class */
    a->frame = (PyObject *)PyEval_GetFrame();
    if (a->frame == NULL)
        goto done;
    a->info = PyDict_GetItemWithError(gens, a->frame);
    if (a->info == NULL || Py_TYPE(a->info) != gen_info_type) {
        a->info = NULL;
        goto done;
    }
    Py_INCREF(a->info);
    PyObject *site_key = PyTuple_Pack(2, key, offset);
    site = site_key != NULL ? PyDict_GetItemWithError(sites, site_key) : NULL;
    Py_XDECREF(site_key);
    if (site == NULL || !PyLong_CheckExact(site))
        goto done;
    a->site = PyLong_AsLong(site);
    PyObject *ident = PyLong_FromUnsignedLong(PyThread_get_thread_ident());
    a->stack = ident != NULL ? PyDict_GetItemWithError(stacks, ident) : NULL;
    Py_XDECREF(ident);
    if (a->stack == NULL || !PyList_CheckExact(a->stack)) {
        a->stack = NULL;
        goto done;
    }
    Py_INCREF(a->stack);
    found = 1;
done:
    Py_XDECREF(key);
    if (!found)
        activation_clear(a);
    return PyErr_Occurred() ? -1 : found;
}

static PyObject *hand_over(PyObject *callback, PyObject *const *args, Py_ssize_t nargs)
{
    if (PyErr_Occurred())
        PyErr_Clear();           /* the Python callback reports what it meets itself */
    return PyObject_Vectorcall(callback, args, (size_t)nargs, NULL);
}

static int field_is(PyObject *obj, PyMemberDef *member, PyObject *value)
{
    PyObject *v = get_field(obj, member);
    int same = v == value;
    Py_XDECREF(v);
    return same;
}

/* The `from` of a record (generators.driver): the lane of the innermost generator on this
   thread's stack, else the task, thread or main lane. */
static PyObject *driver(PyObject *stack)
{
    Py_ssize_t depth = PyList_GET_SIZE(stack);
    if (depth == 0)
        return PyObject_CallNoArgs(current_lane);
    PyObject *top = PyList_GET_ITEM(stack, depth - 1);
    if (Py_TYPE(top) != gen_info_type)       /* never, but then its lane as Python reads it */
        return PyObject_GetAttrString(top, "lane");
    return get_field(top, gi[GI_LANE]);
}

/* What a callback returns after the work it took on: None; a failure of ours is reported as
   gen_monitoring.py's `except Exception` does (internal_error) and the generator goes on, while
   anything else (KeyboardInterrupt) goes to the generator, as there. */
static PyObject *callback_done(int ok)
{
    if (ok)
        Py_RETURN_NONE;
    if (!PyErr_ExceptionMatches(PyExc_Exception))
        return NULL;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *r = PyObject_CallFunctionObjArgs(internal_error, where_generators, exc, NULL);
    Py_XDECREF(exc);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* look_up(), and 1 only for a `yield` (not an await) of a generator still under GEN_CAP (not
   sampled); `count`: its activations so far. */
static int recorded_yield_point(PyObject *code, PyObject *offset, Activation *a, long long *count)
{
    int found = look_up(code, offset, a);
    if (found <= 0)
        return found;
    PyObject *n = get_field(a->info, gi[GI_COUNT]);
    *count = n != NULL ? PyLong_AsLongLong(n) : -1;
    Py_XDECREF(n);
    if ((a->site & 3) == 3 || *count < 0 || *count >= gen_cap) {
        activation_clear(a);
        return PyErr_Occurred() ? -1 : 0;
    }
    return 1;
}

/* on_resume(code, offset): _on_resume for a recorded resume after a `yield`. */
PyObject *accel_on_resume(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    Activation a;
    long long n;
    if (nargs != 2 || recorded_yield_point(args[0], args[1], &a, &n) <= 0)
        return hand_over(py_on_resume, args, nargs);
    /* _begin(): recorded (sampled() counts it), on the stack, an `enter` */
    PyObject *lane = get_field(a.info, gi[GI_LANE]);
    PyObject *drv = driver(a.stack);
    PyObject *line = PyLong_FromLong(PyFrame_GetLineNumber((PyFrameObject *)a.frame));
    PyObject *t = NULL;
    if (lane != NULL && drv != NULL && line != NULL
        && set_int_field(a.info, gi[GI_COUNT], n + 1) == 0
        && set_field(a.info, gi[GI_SHOWN], Py_True) == 0
        && set_field(a.info, gi[GI_EXC], Py_None) == 0
        && set_field(a.info, gi[GI_SILENT], Py_False) == 0
        && set_field(a.info, gi[GI_ACTIVE], Py_True) == 0
        && PyList_Append(a.stack, a.info) == 0) {
        PyObject *fields[4] = {lane, drv, how_resume, line};
        t = accel_emit_values(enter_template, fields, 4);
    }
    Py_XDECREF(lane);
    Py_XDECREF(drv);
    Py_XDECREF(line);
    activation_clear(&a);
    Py_XDECREF(t);
    return callback_done(t != NULL);
}

/* `,"value":"<short repr>"`, as stream.short() and quote() make it (the repr cut at 80). */
static PyObject *value_field(PyObject *value)
{
    PyObject *text = PyObject_Repr(value);
    if (text == NULL) {              /* a broken __repr__ must not break the script */
        if (!PyErr_ExceptionMatches(PyExc_Exception))
            return NULL;             /* as short(): only an Exception is caught */
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *type_name = PyType_GetName(Py_TYPE(value));
        PyObject *exc_name = exc != NULL ? PyType_GetName(Py_TYPE(exc)) : NULL;
        Py_XDECREF(exc);
        if (type_name != NULL && exc_name != NULL)
            text = PyUnicode_FromFormat("<%U: repr failed: %U>", type_name, exc_name);
        Py_XDECREF(type_name);
        Py_XDECREF(exc_name);
        if (text == NULL)
            return NULL;
    }
    if (PyUnicode_GET_LENGTH(text) > 80) {
        PyObject *head = PyUnicode_Substring(text, 0, 79);
        PyObject *cut = head != NULL ? PyUnicode_Concat(head, ellipsis) : NULL;
        Py_XDECREF(head);
        Py_SETREF(text, cut);
        if (text == NULL)
            return NULL;
    }
    PyObject *quoted = PyObject_CallOneArg(quote, text);
    Py_DECREF(text);
    if (quoted == NULL)
        return NULL;
    PyObject *field = PyUnicode_Concat(value_prefix, quoted);
    Py_DECREF(quoted);
    return field;
}

/* on_yield(code, offset, value): _on_yield for a recorded suspension at a `yield`. */
PyObject *accel_on_yield(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    Activation a;
    long long n;
    if (nargs != 3 || recorded_yield_point(args[0], args[1], &a, &n) <= 0)
        return hand_over(py_on_yield, args, nargs);
    const char *value_type = Py_TYPE(args[2])->tp_name;
    int plain = field_is(a.info, gi[GI_ACTIVE], Py_True)
                && field_is(a.info, gi[GI_SHOWN], Py_True)
                && field_is(a.info, gi[GI_CLOSING], Py_False)
                && PyList_GET_SIZE(a.stack) > 0
                && PyList_GET_ITEM(a.stack, PyList_GET_SIZE(a.stack) - 1) == a.info
                && strcmp(value_type, "async_generator_wrapped_value") != 0
                && ((a.site & 4) == 0 || watch_silent_close == Py_None
                    || !field_is(a.info, gi[GI_REF], Py_None));
    if (!plain) {
        activation_clear(&a);
        return hand_over(py_on_yield, args, nargs);
    }
    /* _end(info, stack, frame, 'yield', value, final=False): off the stack, a `leave` */
    PyObject *value = value_field(args[2]);
    PyObject *lane = get_field(a.info, gi[GI_LANE]);
    long lineno = PyFrame_GetLineNumber((PyFrameObject *)a.frame);
    PyObject *line = PyLong_FromLong(lineno);
    Py_ssize_t depth = PyList_GET_SIZE(a.stack);
    PyObject *t = NULL;
    if (value != NULL && lane != NULL && line != NULL
        && PyList_SetSlice(a.stack, depth - 1, depth, NULL) == 0
        && set_field(a.info, gi[GI_ACTIVE], Py_False) == 0) {
        PyObject *drv = driver(a.stack);
        if (drv != NULL) {
            PyObject *fields[5] = {lane, drv, how_yield, value, line};
            t = accel_emit_values(leave_template, fields, 5);
            Py_DECREF(drv);
        }
    }
    /* 3.13: a yield that close() skips; the generator is known (its ref), so only mark it */
    if (t != NULL && (a.site & 4) && watch_silent_close != Py_None
        && (set_field(a.info, gi[GI_SILENT], Py_True) < 0
            || set_field(a.info, gi[GI_LINE], line) < 0))
        Py_CLEAR(t);
    Py_XDECREF(value);
    Py_XDECREF(lane);
    Py_XDECREF(line);
    activation_clear(&a);
    Py_XDECREF(t);
    return callback_done(t != NULL);
}

#else   /* 3.11: no sys.monitoring (gen_trace.c does its work) */

PyObject *accel_init_gen_monitoring(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    PyErr_SetString(PyExc_RuntimeError, "sys.monitoring needs Python 3.12");
    return NULL;
}

PyObject *accel_on_resume(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return accel_init_gen_monitoring(self, NULL);
}

PyObject *accel_on_yield(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return accel_init_gen_monitoring(self, NULL);
}

#endif
