/* loopscope_runtime._accel.settrace_generators: the 3.11 generator tracer's trampoline in C.

   gen_settrace.py traces with sys.settrace. CPython's own trampoline (sys.settrace) calls the
   Python tracer at every event of a traced frame; past its cap a generator is sampled, and all
   but one activation per epoch only have to be pushed on and popped off the thread's generator
   stack. This trampoline does those two things itself (the first branches of _gen_call and
   _gen_skip, whose twins they are) and hands every other event to the Python functions exactly
   as sys.settrace's trampoline would, f_trace included. gen_settrace.py stays the reference:
   without the accelerator it runs under sys.settrace unchanged.

   Unlike sys.settrace's trampoline it does not copy the frame's fast locals into f_locals and
   back around each call: the tracers never write locals, and reading f_locals refreshes it. */
#include "accel.h"

#include <pythread.h>

static PyObject *global_tracer;   /* gen_settrace._gen_call */
static PyObject *skip_tracer;     /* gen_settrace._gen_skip */
static PyObject *skipping;        /* gen_settrace._skipping: frame -> (info, stack, ident,
                                     the code's YIELD_VALUE offsets) */
static PyObject *event_names[8];  /* 'call', 'exception', ... by PyTrace_* */
static PyObject *closing_name;
static getter frame_get_trace;    /* the frame type's own f_trace accessors */
static setter frame_set_trace;

static int find_trace_accessors(void)
{
    for (PyGetSetDef *gs = PyFrame_Type.tp_getset; gs != NULL && gs->name != NULL; gs++) {
        if (strcmp(gs->name, "f_trace") == 0) {
            frame_get_trace = gs->get;
            frame_set_trace = gs->set;
            return frame_get_trace != NULL && frame_set_trace != NULL ? 0 : -1;
        }
    }
    return -1;
}

static int set_f_trace(PyFrameObject *frame, PyObject *tracer)
{
    return frame_set_trace((PyObject *)frame, tracer, NULL);
}

/* The frame's local tracer (a new reference), or NULL when it has none. */
static PyObject *get_f_trace(PyFrameObject *frame)
{
    PyObject *tracer = frame_get_trace((PyObject *)frame, NULL);
    if (tracer == Py_None) {
        Py_DECREF(tracer);
        return NULL;
    }
    return tracer;
}

/* What sys.settrace's trampoline does with one event: call the tracer, keep what it returns as
   the frame's tracer; an exception switches tracing off and propagates. */
static int call_tracer(PyObject *tracer, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *args[3] = {(PyObject *)frame, event_names[what], arg != NULL ? arg : Py_None};
    PyObject *result = PyObject_Vectorcall(tracer, args, 3, NULL);
    if (result == NULL) {
        PyTraceBack_Here(frame);
        PyEval_SetTrace(NULL, NULL);
        set_f_trace(frame, Py_None);
        return -1;
    }
    int rc = result != Py_None ? set_f_trace(frame, result) : 0;
    Py_DECREF(result);
    return rc;
}

/* The skipping entry of a frame on this thread (a new reference), or NULL. */
static PyObject *skip_entry(PyFrameObject *frame)
{
    PyObject *entry = PyDict_GetItemWithError(skipping, (PyObject *)frame);
    if (entry == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 4
        || !PyList_Check(PyTuple_GET_ITEM(entry, 1)))
        return NULL;
    unsigned long ident = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(entry, 2));
    if (ident == (unsigned long)-1 && PyErr_Occurred()) {
        PyErr_Clear();
        return NULL;
    }
    if (ident != PyThread_get_thread_ident())
        return NULL;
    Py_INCREF(entry);
    return entry;
}

/* _gen_call's first branch: a sampled-out activation starts. 1 if done here. */
static int skipped_call(PyFrameObject *frame)
{
    PyObject *entry = skip_entry(frame);
    if (entry == NULL)
        return 0;
    int done = PyList_Append(PyTuple_GET_ITEM(entry, 1), PyTuple_GET_ITEM(entry, 0)) == 0
               && set_f_trace(frame, skip_tracer) == 0;
    if (!done)
        PyErr_Clear();
    Py_DECREF(entry);
    return done;
}

/* _gen_skip's first branch: a sampled-out activation suspends at a yield. 1 if done here. */
static int skipped_yield(PyFrameObject *frame)
{
    PyObject *entry = skip_entry(frame);
    if (entry == NULL)
        return 0;
    int done = 0;
    PyObject *tracer = get_f_trace(frame);
    PyObject *stack = PyTuple_GET_ITEM(entry, 1);
    if (tracer == skip_tracer && PyList_GET_SIZE(stack) > 0) {
        PyObject *offset = PyLong_FromLong(PyFrame_GetLasti(frame));
        int at_yield = offset != NULL ? PySet_Contains(PyTuple_GET_ITEM(entry, 3), offset) : -1;
        Py_XDECREF(offset);
        PyObject *closing = at_yield == 1 ? PyObject_GetAttr(PyTuple_GET_ITEM(entry, 0),
                                                             closing_name)
                                          : NULL;
        if (closing != NULL && !PyObject_IsTrue(closing))
            done = PyList_SetSlice(stack, PyList_GET_SIZE(stack) - 1, PyList_GET_SIZE(stack),
                                   NULL) == 0;
        Py_XDECREF(closing);
        if (!done)
            PyErr_Clear();     /* the Python tracer decides, as without the accelerator */
    }
    Py_XDECREF(tracer);
    Py_DECREF(entry);
    return done;
}

static int trampoline(PyObject *unused, PyFrameObject *frame, int what, PyObject *arg)
{
    (void)unused;
    if (what == PyTrace_CALL) {
        if (skipped_call(frame))
            return 0;
        return call_tracer(global_tracer, frame, what, arg);
    }
    if (what == PyTrace_RETURN && skipped_yield(frame))
        return 0;
    PyObject *tracer = get_f_trace(frame);
    if (tracer == NULL)
        return 0;
    int rc = call_tracer(tracer, frame, what, arg);
    Py_DECREF(tracer);
    return rc;
}

/* settrace_generators(gen_call, gen_skip, skipping): this thread's tracing, as
   sys.settrace(gen_call) would do it (sys.gettrace() returns gen_call). */
PyObject *accel_settrace_generators(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *call, *skip, *table;
    if (!PyArg_ParseTuple(args, "OOO!:settrace_generators", &call, &skip, &PyDict_Type, &table))
        return NULL;
    if (frame_get_trace == NULL && find_trace_accessors() < 0) {
        PyErr_SetString(PyExc_RuntimeError, "frames have no f_trace accessors");
        return NULL;
    }
    const Interned names[] = {
        {&event_names[PyTrace_CALL], "call"}, {&event_names[PyTrace_EXCEPTION], "exception"},
        {&event_names[PyTrace_LINE], "line"}, {&event_names[PyTrace_RETURN], "return"},
        {&event_names[PyTrace_C_CALL], "c_call"},
        {&event_names[PyTrace_C_EXCEPTION], "c_exception"},
        {&event_names[PyTrace_C_RETURN], "c_return"}, {&event_names[PyTrace_OPCODE], "opcode"},
        {&closing_name, "closing"},
    };
    if (intern_all(names, COUNT_OF(names)) < 0)
        return NULL;
    const Kept kept[] = {
        {&global_tracer, call}, {&skip_tracer, skip}, {&skipping, table},
    };
    keep_all(kept, COUNT_OF(kept));
    PyEval_SetTrace(trampoline, call);
    Py_RETURN_NONE;
}
