/* loopscope_runtime._accel: the event stream's hot path in C (stream.py is the reference).

   What it does: emit(body) and emitf(template, *args) put one record, `{"seq":S,"t":T,BODY}\n`,
   into the shared-memory ring that the runner maps (docs/trace-format.md, "Transport"), as
   stream.py's emit() and RingSink do, without the Python-level costs of a record: the lock, the
   f-string of seq and t, the encode, the slice store into the mapping.

   Why no lock: a call holds the GIL from start to end and runs no Python code between taking
   `seq` and publishing the record (every Python call, a template's odd argument or the budget's
   note, happens before or after), so no other thread, signal handler or finalizer can run in
   between. Re-entry is impossible, which is what stream.py's lock and nested-record queue are
   for.

   Until open_ring() (and after detach(), in a forked child) both functions hand their record
   to the Python implementation given to init(): the batched pipe/file sink stays in Python.

   Module state is static: one stream per process. */
#include "accel.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The ring's header: native 64-bit words (stream.py RingSink; app/runner/event_ring.h). */
enum { RING_HEADER = 4096, W_CAPACITY = 1, W_WRITE = 8, W_READ = 16, W_DROPPED = 24 };
static const char RING_MAGIC[8] = {'L', 'S', 'R', 'I', 'N', 'G', '1', '\0'};

typedef struct {
    unsigned char *map;
    size_t map_size;
    uint64_t *words;
    unsigned char *data;
    uint64_t capacity, mask;
    uint64_t write_pos, read_pos;   /* write_pos: ours; read_pos: the runner's, last seen */
    pid_t parent;
    int alive;                      /* 0 once the runner is gone: records are dropped */
} Ring;

static Ring ring;
static int ring_open;
static int64_t clock_origin;        /* stream.T0: t of a record is now - T0 */
static uint64_t next_seq;
static uint64_t seq_limit = (uint64_t)1 << 62;   /* from here on, only `always` records */
static uint64_t budget;             /* 0: none */
static uint64_t dropped;
static PyObject *python_emit;       /* stream.py's emit(body, always=False) */
static PyObject *on_budget;         /* called once seq reaches the budget */

static int64_t monotonic_ns(void)   /* time.perf_counter_ns() on Linux */
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

long long accel_now(void)
{
    return monotonic_ns() - clock_origin;
}

/* -- a growable byte buffer on the stack first ------------------------------------------- */

typedef struct {
    char *bytes;
    size_t len, cap;
    char local[1024];
} Buffer;

static void buffer_init(Buffer *b)
{
    b->bytes = b->local;
    b->len = 0;
    b->cap = sizeof b->local;
}

static void buffer_free(Buffer *b)
{
    if (b->bytes != b->local)
        PyMem_Free(b->bytes);
}

static int buffer_put(Buffer *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap;
        while (b->len + n > cap)
            cap *= 2;
        char *grown = PyMem_Malloc(cap);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(grown, b->bytes, b->len);
        buffer_free(b);
        b->bytes = grown;
        b->cap = cap;
    }
    memcpy(b->bytes + b->len, s, n);
    b->len += n;
    return 0;
}

static int buffer_put_int(Buffer *b, long long v)
{
    char digits[24];
    char *end = digits + sizeof digits, *p = end;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return buffer_put(b, p, (size_t)(end - p));
}

/* A str's UTF-8; a lone surrogate (a printed line may carry one) becomes '?', as stream.py's
   encode('utf-8', 'replace'). */
static int buffer_put_str(Buffer *b, PyObject *s)
{
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &n);
    if (utf8 != NULL)
        return buffer_put(b, utf8, (size_t)n);
    PyErr_Clear();
    PyObject *bytes = PyUnicode_AsEncodedString(s, "utf-8", "replace");
    if (bytes == NULL)
        return -1;
    int rc = buffer_put(b, PyBytes_AS_STRING(bytes), (size_t)PyBytes_GET_SIZE(bytes));
    Py_DECREF(bytes);
    return rc;
}

/* -- the ring ------------------------------------------------------------------------------ */

/* Waits (holding the GIL, as stream.py holds its lock) until the runner has taken enough of
   the ring for n more bytes; 0 if it never will. */
static int ring_make_room(size_t n)
{
    if (n > ring.capacity || !ring.alive)
        return 0;
    for (;;) {
        uint64_t r = __atomic_load_n(&ring.words[W_READ], __ATOMIC_ACQUIRE);
        if (ring.write_pos + n - r <= ring.capacity) {
            ring.read_pos = r;
            return 1;
        }
        if (getppid() != ring.parent) {      /* the runner died: stop tracing, run on */
            ring.alive = 0;
            return 0;
        }
        struct timespec pause = {0, 500000};
        nanosleep(&pause, NULL);
    }
}

static int ring_write(const char *bytes, size_t n)
{
    if (ring.write_pos + n - ring.read_pos > ring.capacity && !ring_make_room(n))
        return 0;
    size_t at = (size_t)(ring.write_pos & ring.mask);
    if (at + n <= ring.capacity) {
        memcpy(ring.data + at, bytes, n);
    } else {                                  /* wraps around the end of the ring */
        size_t first = (size_t)ring.capacity - at;
        memcpy(ring.data + at, bytes, first);
        memcpy(ring.data, bytes + first, n - first);
    }
    ring.write_pos += n;
    /* publishes the record: the runner reads the bytes only after it sees this store */
    __atomic_store_n(&ring.words[W_WRITE], ring.write_pos, __ATOMIC_RELEASE);
    return 1;
}

/* -- records ------------------------------------------------------------------------------- */

/* Writes `{"seq":S,"t":T,` BODY `}\n` and returns t (a new int), or NULL with an exception.
   From taking seq to the ring store nothing here calls into Python. */
static PyObject *write_record(const char *body, size_t body_len, int always)
{
    int64_t t = monotonic_ns() - clock_origin;
    int budget_reached = 0;
    if (next_seq < seq_limit || always) {
        Buffer record;
        buffer_init(&record);
        int ok = buffer_put(&record, "{\"seq\":", 7) == 0
                 && buffer_put_int(&record, (long long)next_seq) == 0
                 && buffer_put(&record, ",\"t\":", 5) == 0
                 && buffer_put_int(&record, (long long)t) == 0
                 && buffer_put(&record, ",", 1) == 0
                 && buffer_put(&record, body, body_len) == 0
                 && buffer_put(&record, "}\n", 2) == 0;
        if (!ok) {
            buffer_free(&record);
            return NULL;
        }
        if (ring_write(record.bytes, record.len)) {
            next_seq++;
            budget_reached = budget != 0 && next_seq == budget;
        }
        buffer_free(&record);
    } else {
        dropped++;
        /* the runner reads it, even after a crash */
        __atomic_store_n(&ring.words[W_DROPPED], dropped, __ATOMIC_RELEASE);
    }
    if (budget_reached && on_budget != NULL) {     /* its note comes right after this record */
        PyObject *r = PyObject_CallNoArgs(on_budget);
        if (r == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_Exception))
                return NULL;         /* a KeyboardInterrupt in the note's Python: the script's */
            PyErr_WriteUnraisable(on_budget);
        }
        Py_XDECREF(r);
    }
    return PyLong_FromLongLong(t);
}

static PyObject *hand_to_python(PyObject *body, int always)
{
    return PyObject_CallFunctionObjArgs(python_emit, body, always ? Py_True : Py_False, NULL);
}

/* emit(body, always=False) -> t: stream.py's emit(). */
PyObject *accel_emit(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames)
{
    (void)self;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw < 1 || nargs + nkw > 2 || nargs < 1 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "emit(body: str, always=False)");
        return NULL;
    }
    if (nkw == 1 && PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(kwnames, 0), "always") != 0) {
        PyErr_SetString(PyExc_TypeError, "emit() takes only the keyword 'always'");
        return NULL;
    }
    int always = 0;
    if (nargs + nkw == 2) {
        always = PyObject_IsTrue(args[1]);
        if (always < 0)
            return NULL;
    }
    if (!ring_open)
        return hand_to_python(args[0], always);
    Buffer body;
    buffer_init(&body);
    PyObject *t = buffer_put_str(&body, args[0]) == 0 ? write_record(body.bytes, body.len, always)
                                                       : NULL;
    buffer_free(&body);
    return t;
}

/* A template argument as str.format() would write it: ints and strs directly, anything else
   through format(). */
static int put_argument(Buffer *b, PyObject *arg)
{
    if (PyLong_CheckExact(arg)) {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(arg, &overflow);
        if (!overflow && !(v == -1 && PyErr_Occurred()))
            return buffer_put_int(b, v);
        PyErr_Clear();
    } else if (PyUnicode_CheckExact(arg)) {
        return buffer_put_str(b, arg);
    }
    PyObject *text = PyObject_Format(arg, NULL);
    if (text == NULL)
        return -1;
    int rc = buffer_put_str(b, text);
    Py_DECREF(text);
    return rc;
}

/* The record template.format(*args) for a template whose only fields are `{}` (and that has
   no other braces), written as emit() would; returns t. */
PyObject *accel_emit_values(PyObject *template_str, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t template_len;
    const char *template = PyUnicode_AsUTF8AndSize(template_str, &template_len);
    if (template == NULL)
        return NULL;
    Buffer body;
    buffer_init(&body);
    const char *at = template, *end = template + template_len;
    Py_ssize_t next_arg = 0;
    int ok = 1;
    while (ok) {
        const char *field = memchr(at, '{', (size_t)(end - at));
        const char *literal_end = field != NULL ? field : end;
        if (memchr(at, '}', (size_t)(literal_end - at)) != NULL) {   /* a lone '}' */
            PyErr_SetString(PyExc_ValueError,
                            "emitf: a template takes `{}` fields only, one per argument");
            ok = 0;
            break;
        }
        if (field == NULL) {
            ok = buffer_put(&body, at, (size_t)(end - at)) == 0;
            break;
        }
        if (field + 1 >= end || field[1] != '}' || next_arg >= nargs) {
            PyErr_SetString(PyExc_ValueError,
                            "emitf: a template takes `{}` fields only, one per argument");
            ok = 0;
            break;
        }
        ok = buffer_put(&body, at, (size_t)(field - at)) == 0
             && put_argument(&body, args[next_arg++]) == 0;
        at = field + 2;
    }
    if (ok && next_arg != nargs) {
        PyErr_SetString(PyExc_ValueError, "emitf: more arguments than `{}` fields");
        ok = 0;
    }
    PyObject *t = NULL;
    if (ok) {
        if (ring_open) {
            t = write_record(body.bytes, body.len, 0);
        } else {
            PyObject *text = PyUnicode_DecodeUTF8(body.bytes, (Py_ssize_t)body.len, "replace");
            if (text != NULL) {
                t = hand_to_python(text, 0);
                Py_DECREF(text);
            }
        }
    }
    buffer_free(&body);
    return t;
}

/* emitf(template, *args) -> t: emit(template.format(*args)). */
PyObject *accel_emitf(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "emitf(template: str, *args)");
        return NULL;
    }
    return accel_emit_values(args[0], args + 1, nargs - 1);
}

/* -- set-up -------------------------------------------------------------------------------- */

/* init(python_emit): the implementation that takes records while no ring is open. */
PyObject *accel_init(PyObject *self, PyObject *fallback)
{
    (void)self;
    if (!PyCallable_Check(fallback)) {
        PyErr_SetString(PyExc_TypeError, "init() needs stream.py's emit");
        return NULL;
    }
    const Kept kept[] = {{&python_emit, fallback}};
    keep_all(kept, COUNT_OF(kept));
    Py_RETURN_NONE;
}

/* set_clock_origin(T0) */
PyObject *accel_set_clock_origin(PyObject *self, PyObject *origin)
{
    (void)self;
    long long v = PyLong_AsLongLong(origin);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    clock_origin = v;
    Py_RETURN_NONE;
}

/* set_budget(n, on_budget): past n records only `always` ones are written (0: no budget). */
PyObject *accel_set_budget(PyObject *self, PyObject *args)
{
    (void)self;
    unsigned long long n;
    PyObject *callback;
    if (!PyArg_ParseTuple(args, "KO:set_budget", &n, &callback))
        return NULL;
    budget = n;
    seq_limit = n > 0 ? n : (uint64_t)1 << 62;
    const Kept kept[] = {{&on_budget, callback}};
    keep_all(kept, COUNT_OF(kept));
    Py_RETURN_NONE;
}

/* open_ring(fd): maps the runner's ring; from now on records go there. */
PyObject *accel_open_ring(PyObject *self, PyObject *arg)
{
    (void)self;
    long fd = PyLong_AsLong(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    if (fd < 0 || fd > INT32_MAX)
        return PyErr_Format(PyExc_ValueError, "not a file descriptor: %ld", fd);
    struct stat st;
    if (fstat((int)fd, &st) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    size_t size = (size_t)st.st_size;
    if (size < RING_HEADER)
        return PyErr_Format(PyExc_ValueError, "the events ring is too small");
    void *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, (int)fd, 0);
    if (map == MAP_FAILED)
        return PyErr_SetFromErrno(PyExc_OSError);
    uint64_t *words = map;
    uint64_t capacity = words[W_CAPACITY];
    const char *problem = memcmp(map, RING_MAGIC, sizeof RING_MAGIC) != 0
                              ? "the events ring has no loopscope header"
                          : (capacity == 0 || (capacity & (capacity - 1))
                             || RING_HEADER + capacity > size)
                              ? "the events ring has a bad capacity"
                              : NULL;
    if (problem != NULL) {
        munmap(map, size);
        return PyErr_Format(PyExc_ValueError, "%s", problem);
    }
    ring.map = map;
    ring.map_size = size;
    ring.words = words;
    ring.data = (unsigned char *)map + RING_HEADER;
    ring.capacity = capacity;
    ring.mask = capacity - 1;
    ring.write_pos = __atomic_load_n(&words[W_WRITE], __ATOMIC_ACQUIRE);
    ring.read_pos = __atomic_load_n(&words[W_READ], __ATOMIC_ACQUIRE);
    ring.parent = getppid();
    ring.alive = 1;
    ring_open = 1;
    Py_RETURN_NONE;
}

/* detach(): in a forked child, nothing more goes into the parent's ring. */
PyObject *accel_detach(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    ring_open = 0;
    Py_RETURN_NONE;
}

PyObject *accel_alive(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyBool_FromLong(ring_open && ring.alive);
}

PyObject *accel_dropped(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyLong_FromUnsignedLongLong(dropped);
}
