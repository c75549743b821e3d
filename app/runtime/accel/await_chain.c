/* loopscope_runtime._accel.walk_await_chain: labels.py's walk_await_chain() in C (labels.py is
   the reference; both return the same). It runs at every task suspension and costs, in Python,
   as much as the task's own step in a program of short steps. */
#include "accel.h"

/* Set once by init_await_walk() (labels.py). */
static PyObject *code_kinds;        /* user_code.code_kinds: id(code) -> (kind, qualname, code) */
static PyObject *code_kind;         /* user_code.code_kind(code), which fills code_kinds */
static PyObject *pass_through;      /* labels._PASS_THROUGH: asyncio frames that pass an await */
static PyObject *agen_awaitables;   /* tuple: the types of asend()/athrow() objects */
static PyObject *agen_of;           /* labels.agen_of(awaitable): the async generator or None */
/* Attribute names, interned once (a C string would be made into a str at every lookup). */
static PyObject *cr_frame, *cr_await, *gi_frame, *gi_yieldfrom, *ag_frame, *ag_await;

static int intern_names(void)
{
    const Interned names[] = {
        {&cr_frame, "cr_frame"}, {&cr_await, "cr_await"}, {&gi_frame, "gi_frame"},
        {&gi_yieldfrom, "gi_yieldfrom"}, {&ag_frame, "ag_frame"}, {&ag_await, "ag_await"},
    };
    return intern_all(names, COUNT_OF(names));
}

PyObject *accel_init_await_walk(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *kinds, *kind_of, *passing, *awaitables, *agen;
    if (!PyArg_ParseTuple(args, "O!OO!O!O:init_await_walk", &PyDict_Type, &kinds, &kind_of,
                          &PySet_Type, &passing, &PyTuple_Type, &awaitables, &agen))
        return NULL;
    if (intern_names() < 0)
        return NULL;
    const Kept kept[] = {
        {&code_kinds, kinds}, {&code_kind, kind_of}, {&pass_through, passing},
        {&agen_awaitables, awaitables}, {&agen_of, agen},
    };
    keep_all(kept, COUNT_OF(kept));
    Py_RETURN_NONE;
}

/* The (kind, qualname, code) entry of a frame's code (a new reference), or NULL. */
static PyObject *kind_entry(PyFrameObject *frame)
{
    PyCodeObject *code = PyFrame_GetCode(frame);
    PyObject *key = PyLong_FromVoidPtr(code);
    PyObject *entry = key ? PyDict_GetItemWithError(code_kinds, key) : NULL;
    Py_XDECREF(key);
    if (entry != NULL)
        Py_INCREF(entry);
    else if (!PyErr_Occurred())
        entry = PyObject_CallOneArg(code_kind, (PyObject *)code);   /* and it is kept there */
    Py_DECREF(code);
    if (entry != NULL && (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) < 2)) {
        Py_DECREF(entry);
        PyErr_SetString(PyExc_TypeError, "code_kinds holds (kind, qualname, code) tuples");
        return NULL;
    }
    return entry;
}

static int is_kind(PyObject *entry, const char *kind)
{
    return PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(entry, 0), kind) == 0;
}

/* The frame and the next awaited object of a coroutine, generator or async generator: 1; 0 for
   anything else; -1 with an exception. */
static int frame_and_next(PyObject *obj, PyObject **frame, PyObject **next)
{
    PyObject *frame_name, *next_name;
    PyTypeObject *type = Py_TYPE(obj);
    if (type == &PyCoro_Type) {
        frame_name = cr_frame;
        next_name = cr_await;
    } else if (type == &PyGen_Type) {
        frame_name = gi_frame;
        next_name = gi_yieldfrom;
    } else if (type == &PyAsyncGen_Type) {
        frame_name = ag_frame;
        next_name = ag_await;
    } else {
        return 0;
    }
    *frame = PyObject_GetAttr(obj, frame_name);
    if (*frame == NULL)
        return -1;
    *next = PyObject_GetAttr(obj, next_name);
    if (*next == NULL) {
        Py_CLEAR(*frame);
        return -1;
    }
    return 1;
}

/* Points `slot` at `frame` (both strong references). */
static void keep(PyObject **slot, PyObject *frame)
{
    Py_XINCREF(frame);
    Py_XSETREF(*slot, frame);
}

/* walk_await_chain(coro) -> (line of the innermost user await, first non-user frame below it);
   for a library task, (0, its first asyncio frame). */
PyObject *accel_walk_await_chain(PyObject *self, PyObject *start)
{
    (void)self;
    if (code_kinds == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "walk_await_chain before init_await_walk");
        return NULL;
    }
    PyObject *user_frame = NULL, *label_frame = NULL, *asyncio_frame = NULL;
    PyObject *result = NULL;
    PyObject *obj = start;
    Py_INCREF(obj);
    while (obj != Py_None) {
        PyObject *frame, *next;
        int found = frame_and_next(obj, &frame, &next);
        if (found < 0)
            goto done;
        if (found == 0) {
            int awaitable = PySequence_Contains(agen_awaitables, (PyObject *)Py_TYPE(obj));
            if (awaitable < 0)
                goto done;
            if (!awaitable)
                break;
            /* `async for`'s asend object: its generator, found by labels.agen_of() */
            PyObject *agen = PyObject_CallOneArg(agen_of, obj);
            if (agen == NULL)
                goto done;
            Py_SETREF(obj, agen);
            continue;
        }
        Py_SETREF(obj, next);
        if (frame == Py_None) {
            Py_DECREF(frame);
            break;
        }
        if (!PyFrame_Check(frame)) {
            Py_DECREF(frame);
            PyErr_SetString(PyExc_TypeError, "a coroutine's frame is not a frame");
            goto done;
        }
        PyObject *entry = kind_entry((PyFrameObject *)frame);
        if (entry == NULL) {
            Py_DECREF(frame);
            goto done;
        }
        if (is_kind(entry, "user")) {
            keep(&user_frame, frame);
            keep(&label_frame, NULL);
            keep(&asyncio_frame, NULL);
        } else {
            int in_asyncio = is_kind(entry, "asyncio");
            if (label_frame == NULL) {
                int passes = in_asyncio ? PySet_Contains(pass_through, PyTuple_GET_ITEM(entry, 1))
                                        : 0;
                if (passes < 0) {
                    Py_DECREF(entry);
                    Py_DECREF(frame);
                    goto done;
                }
                if (!passes)
                    keep(&label_frame, frame);
            }
            if (asyncio_frame == NULL && in_asyncio)
                keep(&asyncio_frame, frame);
        }
        Py_DECREF(entry);
        Py_DECREF(frame);
    }
    {
        long line = 0;
        PyObject *named = label_frame;
        if (user_frame == NULL)
            named = asyncio_frame ? asyncio_frame : label_frame;
        else
            line = PyFrame_GetLineNumber((PyFrameObject *)user_frame);
        PyObject *line_obj = PyLong_FromLong(line);
        if (line_obj != NULL) {
            result = PyTuple_Pack(2, line_obj, named ? named : Py_None);
            Py_DECREF(line_obj);
        }
    }
done:
    Py_XDECREF(obj);
    Py_XDECREF(user_frame);
    Py_XDECREF(label_frame);
    Py_XDECREF(asyncio_frame);
    return result;
}
