/* loopscope_runtime._accel.handle_run and call_soon: the instrumented loop's Handle._run and
   call_soon in C, for the wake-ups and steps of tasks that already ran once (loop.py's
   _handle_run, LoopState.run_step, the common waits of LoopState.suspend and the hot path of
   LoopState.scheduled are the reference; these are their twins).

   A program of many short task steps spends, in Python, about as long in these functions as in
   its own steps. Everything that is not the hot path goes back to loop.py: a callback
   (run_callback) or its scheduling (scheduled), a task's first step (run_step names it), its
   end (finish), a wait whose label needs more than its code's rule (describe_wait), and any
   error in our own work (internal_error), so that what the trace says is decided in one place.

   LoopState and TaskInfo have __slots__: their fields are read and written through the slots'
   member definitions (PyMember_GetOne/SetOne), found once by name. */
#include "accel.h"


static PyTypeObject *loop_state_type;   /* loop.LoopState */
static PyTypeObject *task_info_type;    /* loop.TaskInfo */
static PyObject *task_types;            /* loop._TASK_TYPES */
static PyObject *orig_handle_run;       /* asyncio's own Handle._run */
static PyObject *base_call_soon;        /* asyncio's own BaseEventLoop.call_soon */
static PyObject *py_call_soon;          /* loop.py's InstrumentedLoop.call_soon */
static PyObject *run_template, *run_late_template, *suspend_template;   /* loop._RUN ... */
static PyObject *sleep0_fields;         /* loop._SLEEP_0 */
static PyObject *frame_rules;           /* labels.frame_rules: id(code) -> rule */
static PyObject *internal_error;        /* stream.internal_error(where) */
static PyObject *kind_task, *kind_none; /* 'task', '' */
static PyObject *why_soon, *zero;       /* 'soon', 0 */
static PyObject *where_steps;           /* 'task steps' */

static PyObject *s_loop, *s_ls, *s_callback, *s_self, *s_run_step, *s_run_callback,
    *s_finish, *s_suspend, *s_done, *s_get_coro, *s_fut_waiter, *s_scheduled;

enum { ST_LANE, ST_TASKS, ST_CUR_LANE, ST_CUR_KIND, ST_ACTIVE, ST_STEP_T, ST_STEP_NO, ST_COUNT };
enum { TI_LANE, TI_LINE, TI_READY, TI_BY, TI_WHY, TI_LATE, TI_STARTED, TI_COUNT };
static const char *st_names[ST_COUNT] = {"lane", "tasks", "cur_lane", "cur_kind", "active",
                                         "step_t", "step_no"};
static const char *ti_names[TI_COUNT] = {"lane", "line", "ready", "by", "why", "late", "started"};
static PyMemberDef *st_members[ST_COUNT];
static PyMemberDef *ti_members[TI_COUNT];

/* After a failure of our own work: an Exception is reported as loop.py's `except Exception`
   does (internal_error('task steps', exc)) and cleared, 0; anything else (KeyboardInterrupt)
   stays raised, as there, -1. */
static int report_internal_error(void)
{
    if (!PyErr_ExceptionMatches(PyExc_Exception))
        return -1;
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *exc = PyErr_GetRaisedException();
#else
    PyObject *type, *exc, *traceback;
    PyErr_Fetch(&type, &exc, &traceback);
    PyErr_NormalizeException(&type, &exc, &traceback);
    Py_XDECREF(type);
    Py_XDECREF(traceback);
#endif
    PyObject *r = PyObject_CallFunctionObjArgs(internal_error, where_steps,
                                               exc != NULL ? exc : Py_None, NULL);
    Py_XDECREF(exc);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *method_of(PyObject *module, const char *name)
{
    PyObject *function = PyObject_GetAttrString(module, name);
    if (function == NULL)
        return NULL;
    PyObject *method = PyInstanceMethod_New(function);
    Py_DECREF(function);
    return method;
}

/* init_task_steps(LoopState, TaskInfo, task_types, orig_handle_run, base_call_soon,
   py_call_soon, RUN, RUN_LATE, SUSPEND, SLEEP_0, frame_rules, internal_error) -> the methods to
   install as (Handle._run, InstrumentedLoop.call_soon) */
PyObject *accel_init_task_steps(PyObject *self, PyObject *args)
{
    PyObject *st_type, *ti_type, *types, *orig, *call_soon, *python_call_soon, *run, *run_late,
        *suspend, *sleep0, *rules, *error;
    if (!PyArg_ParseTuple(args, "O!O!O!OOOUUUUO!O:init_task_steps", &PyType_Type, &st_type,
                          &PyType_Type, &ti_type, &PyTuple_Type, &types, &orig, &call_soon,
                          &python_call_soon, &run, &run_late, &suspend, &sleep0, &PyDict_Type,
                          &rules, &error))
        return NULL;
    if (find_members((PyTypeObject *)st_type, st_names, st_members, ST_COUNT) < 0
        || find_members((PyTypeObject *)ti_type, ti_names, ti_members, TI_COUNT) < 0)
        return NULL;
    const Kept kept[] = {
        {(PyObject **)&loop_state_type, st_type}, {(PyObject **)&task_info_type, ti_type},
        {&task_types, types}, {&orig_handle_run, orig}, {&base_call_soon, call_soon},
        {&py_call_soon, python_call_soon}, {&run_template, run}, {&run_late_template, run_late},
        {&suspend_template, suspend}, {&sleep0_fields, sleep0}, {&frame_rules, rules},
        {&internal_error, error},
    };
    keep_all(kept, COUNT_OF(kept));
    const Interned names[] = {
        {&kind_task, "task"}, {&kind_none, ""}, {&why_soon, "soon"},
        {&where_steps, "task steps"}, {&s_scheduled, "scheduled"},
        {&s_loop, "_loop"}, {&s_ls, "_ls"}, {&s_callback, "_callback"}, {&s_self, "__self__"},
        {&s_run_step, "run_step"}, {&s_run_callback, "run_callback"}, {&s_finish, "finish"},
        {&s_suspend, "suspend"}, {&s_done, "done"}, {&s_get_coro, "get_coro"},
        {&s_fut_waiter, "_fut_waiter"},
    };
    if (intern_all(names, COUNT_OF(names)) < 0)
        return NULL;
    if (zero == NULL && (zero = PyLong_FromLong(0)) == NULL)
        return NULL;
    PyObject *handle_run = method_of(self, "handle_run");
    PyObject *call_soon_method = handle_run != NULL ? method_of(self, "call_soon") : NULL;
    PyObject *methods = call_soon_method != NULL ? PyTuple_Pack(2, handle_run, call_soon_method)
                                                 : NULL;
    Py_XDECREF(handle_run);
    Py_XDECREF(call_soon_method);
    return methods;
}

/* The loop's current step is this task's (cur_lane, cur_kind, step_no), and its run record,
   as run_step writes them (step_t: the record's time). */
static int begin_step(PyObject *st, PyObject *info)
{
    PyObject *f[TI_STARTED] = {NULL};
    int rc = -1;
    for (int i = 0; i < TI_STARTED; i++) {
        if ((f[i] = get_field(info, ti_members[i])) == NULL)
            goto done;
    }
    PyObject *step_no = get_field(st, st_members[ST_STEP_NO]);
    long long n = step_no != NULL ? PyLong_AsLongLong(step_no) : -1;
    Py_XDECREF(step_no);
    if ((n == -1 && PyErr_Occurred()) || set_field(st, st_members[ST_CUR_LANE], f[TI_LANE]) < 0
        || set_field(st, st_members[ST_CUR_KIND], kind_task) < 0
        || set_int_field(st, st_members[ST_STEP_NO], n + 1) < 0)
        goto done;
    PyObject *t;
    if (PyUnicode_CompareWithASCIIString(f[TI_WHY], "timer") == 0) {
        PyObject *a[5] = {f[TI_LANE], f[TI_LINE], f[TI_READY], f[TI_BY], f[TI_LATE]};
        t = accel_emit_values(run_late_template, a, 5);
    } else {
        PyObject *a[5] = {f[TI_LANE], f[TI_LINE], f[TI_READY], f[TI_BY], f[TI_WHY]};
        t = accel_emit_values(run_template, a, 5);
    }
    if (t == NULL)
        goto done;
    rc = set_field(st, st_members[ST_STEP_T], t);
    Py_DECREF(t);
done:
    for (int i = 0; i < TI_STARTED; i++)
        Py_XDECREF(f[i]);
    return rc;
}

/* The suspend record of a wait its code's rule names by itself ('fixed'), or of sleep(0), as
   LoopState.suspend writes it. */
static int write_suspend(PyObject *info, PyObject *line, PyObject *fields)
{
    PyObject *lane = get_field(info, ti_members[TI_LANE]);
    PyObject *no_target = PyLong_FromLong(-1);
    PyObject *t = NULL;
    if (lane != NULL && no_target != NULL && set_field(info, ti_members[TI_LINE], line) == 0) {
        PyObject *a[4] = {lane, line, fields, no_target};
        t = accel_emit_values(suspend_template, a, 4);
    }
    Py_XDECREF(lane);
    Py_XDECREF(no_target);
    if (t == NULL)
        return -1;
    Py_DECREF(t);
    return 0;
}

/* The `awaiting`/`wait` fields (borrowed) of the wait `walked` found, when no more is needed to
   name it: a 'fixed' rule's, or sleep(0)'s (a 'terminal' wait, or none, on no future). NULL
   when loop.py's describe_wait must name it (or on an error). */
static PyObject *known_wait_fields(PyObject *task, PyObject *walked)
{
    PyObject *label_frame = PyTuple_GET_ITEM(walked, 1);
    if (label_frame != Py_None) {
        PyCodeObject *code = PyFrame_GetCode((PyFrameObject *)label_frame);
        PyObject *key = PyLong_FromVoidPtr(code);
        Py_DECREF(code);
        PyObject *rule = key != NULL ? PyDict_GetItemWithError(frame_rules, key) : NULL;
        Py_XDECREF(key);
        if (rule == NULL || !PyTuple_Check(rule) || PyTuple_GET_SIZE(rule) < 5)
            return NULL;                      /* a code seen for the first time */
        PyObject *mode = PyTuple_GET_ITEM(rule, 0);
        if (PyUnicode_CompareWithASCIIString(mode, "fixed") == 0)
            return PyTuple_GET_ITEM(rule, 4);
        if (PyUnicode_CompareWithASCIIString(mode, "terminal") != 0)
            return NULL;
    }
    PyObject *waiter = PyObject_GetAttr(task, s_fut_waiter);   /* no future: sleep(0) */
    if (waiter == NULL)
        return NULL;
    int none = waiter == Py_None;
    Py_DECREF(waiter);
    return none ? sleep0_fields : NULL;
}

/* 1: the suspend record is written, for a wait named by known_wait_fields; 0: loop.py must
   write it; -1: an error. */
static int suspend_known_wait(PyObject *task, PyObject *info, PyObject *walked)
{
    PyObject *fields = known_wait_fields(task, walked);
    if (fields == NULL)
        return PyErr_Occurred() ? -1 : 0;
    return write_suspend(info, PyTuple_GET_ITEM(walked, 0), fields) == 0 ? 1 : -1;
}

/* LoopState.suspend: the record written here for a wait named by known_wait_fields, else by
   loop.py, which is given the walk already made (describe_wait's `walked`). An Exception of
   our own hands the whole record to loop.py, which reports what went wrong. */
static int suspend(PyObject *st, PyObject *task, PyObject *info)
{
    PyObject *coro = PyObject_CallMethodNoArgs(task, s_get_coro);
    PyObject *walked = coro != NULL ? accel_walk_await_chain(NULL, coro) : NULL;
    Py_XDECREF(coro);
    int written = walked != NULL ? suspend_known_wait(task, info, walked) : -1;
    if (written < 0) {
        if (!PyErr_ExceptionMatches(PyExc_Exception)) {
            Py_XDECREF(walked);
            return -1;
        }
        PyErr_Clear();
        Py_CLEAR(walked);                /* loop.py walks again */
    }
    if (written > 0) {
        Py_DECREF(walked);
        return 0;
    }
    /* without a walk (NULL), the argument list ends at `info` */
    PyObject *r = PyObject_CallMethodObjArgs(st, s_suspend, task, info, walked, NULL);
    Py_XDECREF(walked);
    if (r == NULL)
        return report_internal_error();
    Py_DECREF(r);
    return 0;
}

/* The end of a step: the loop is between steps again, and the task suspended or ended. 0, or
   -1 with what must reach the script (not an Exception of ours) raised. */
static int end_step(PyObject *st, PyObject *task, PyObject *info)
{
    PyObject *loop_lane = get_field(st, st_members[ST_LANE]);
    int reset = loop_lane != NULL && set_field(st, st_members[ST_ACTIVE], Py_False) == 0
                && set_field(st, st_members[ST_CUR_LANE], loop_lane) == 0
                && set_field(st, st_members[ST_CUR_KIND], kind_none) == 0;
    Py_XDECREF(loop_lane);
    if (!reset)
        return report_internal_error();
    PyObject *done = PyObject_CallMethodNoArgs(task, s_done);
    int is_done = done != NULL ? PyObject_IsTrue(done) : -1;
    Py_XDECREF(done);
    if (is_done < 0)
        return report_internal_error();
    if (!is_done)
        return suspend(st, task, info);
    PyObject *r = PyObject_CallMethodObjArgs(st, s_finish, task, info, NULL);
    if (r == NULL)
        return report_internal_error();
    Py_DECREF(r);
    return 0;
}

/* LoopState.run_step for a task that already started. */
static PyObject *task_step(PyObject *st, PyObject *handle, PyObject *task, PyObject *info)
{
    PyObject *started = get_field(info, ti_members[TI_STARTED]);
    int first = started == NULL || started != Py_True;
    Py_XDECREF(started);
    PyErr_Clear();
    if (first)                           /* its first step: run_step names it */
        return PyObject_CallMethodObjArgs(st, s_run_step, handle, task, info, NULL);
    if (begin_step(st, info) < 0 && report_internal_error() < 0)
        return NULL;                     /* a KeyboardInterrupt before the step, as in Python */
    if (set_field(st, st_members[ST_ACTIVE], Py_True) < 0)
        return NULL;
    PyObject *result = PyObject_CallOneArg(orig_handle_run, handle);
    /* the `finally` of run_step: what the step raised is raised again afterwards, unless the
       end of the step raises (a KeyboardInterrupt): then that, with the other as its context */
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *raised = PyErr_GetRaisedException();
    if (end_step(st, task, info) < 0) {
        Py_XDECREF(result);
        if (raised != NULL) {
            PyObject *now = PyErr_GetRaisedException();
            PyException_SetContext(now, raised);
            PyErr_SetRaisedException(now);
        }
        return NULL;
    }
    PyErr_SetRaisedException(raised);
#else
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    if (end_step(st, task, info) < 0) {
        Py_XDECREF(result);
        if (type != NULL) {
            PyErr_NormalizeException(&type, &value, &traceback);
            if (traceback != NULL)
                PyException_SetTraceback(value, traceback);
            PyObject *now_type, *now, *now_traceback;
            PyErr_Fetch(&now_type, &now, &now_traceback);
            PyErr_NormalizeException(&now_type, &now, &now_traceback);
            PyException_SetContext(now, value);    /* steals value */
            PyErr_Restore(now_type, now, now_traceback);
            Py_XDECREF(type);
            Py_XDECREF(traceback);
        }
        return NULL;
    }
    PyErr_Restore(type, value, traceback);
#endif
    return result;
}

/* Handle._run (loop.py's _handle_run). */
PyObject *accel_handle_run(PyObject *module, PyObject *handle)
{
    (void)module;
    PyObject *loop = PyObject_GetAttr(handle, s_loop);
    if (loop == NULL)
        return NULL;
    PyObject *st = NULL;
    int found = accel_optional_attr(loop, s_ls, &st);
    Py_DECREF(loop);
    if (found < 0)
        return NULL;
    if (st == NULL || Py_TYPE(st) != loop_state_type) {   /* a loop of another kind */
        Py_XDECREF(st);
        return PyObject_CallOneArg(orig_handle_run, handle);
    }
    PyObject *result = NULL, *task = NULL, *tasks = NULL, *key = NULL;
    PyObject *callback = PyObject_GetAttr(handle, s_callback);
    if (callback == NULL)
        goto done;
    if (accel_optional_attr(callback, s_self, &task) < 0)
        goto done;
    if (task != NULL) {
        /* A registered task is alive, so an object with its id is that task. */
        tasks = get_field(st, st_members[ST_TASKS]);
        key = tasks != NULL ? PyLong_FromVoidPtr(task) : NULL;
        if (key == NULL)
            goto done;
        PyObject *info = PyDict_GetItemWithError(tasks, key);
        if (info == NULL && PyErr_Occurred())
            goto done;
        if (info != NULL && Py_TYPE(info) == task_info_type) {
            Py_INCREF(info);
            result = task_step(st, handle, task, info);
            Py_DECREF(info);
            goto done;
        }
        int is_task = PyObject_IsInstance(task, task_types);
        if (is_task < 0)
            goto done;
        if (is_task) {           /* asyncio's own shutdown tasks: not shown */
            result = PyObject_CallOneArg(orig_handle_run, handle);
            goto done;
        }
    }
    result = PyObject_CallMethodObjArgs(st, s_run_callback, handle, callback, NULL);
done:
    Py_XDECREF(key);
    Py_XDECREF(tasks);
    Py_XDECREF(task);
    Py_XDECREF(callback);
    Py_DECREF(st);
    return result;
}

/* LoopState.scheduled's hot path: a registered task rescheduled with no arguments (after
   sleep(0), or a bare yield) is ready now, made so by the current step. 0 if it is not that. */
static int task_made_ready(PyObject *st, PyObject *callback, Py_ssize_t nargs)
{
    if (nargs != 0)
        return 0;
    PyObject *task = NULL;
    if (accel_optional_attr(callback, s_self, &task) <= 0)
        return PyErr_Occurred() ? -1 : 0;
    PyObject *tasks = get_field(st, st_members[ST_TASKS]);
    PyObject *key = tasks != NULL ? PyLong_FromVoidPtr(task) : NULL;
    Py_DECREF(task);
    PyObject *info = key != NULL ? PyDict_GetItemWithError(tasks, key) : NULL;
    Py_XDECREF(key);
    int rc = 0;
    if (info != NULL && Py_TYPE(info) == task_info_type) {
        PyObject *by = get_field(st, st_members[ST_CUR_LANE]);
        rc = by != NULL && set_field(info, ti_members[TI_WHY], why_soon) == 0
                     && set_field(info, ti_members[TI_BY], by) == 0
                     && set_field(info, ti_members[TI_LATE], zero) == 0
                     && set_int_field(info, ti_members[TI_READY], accel_now()) == 0
                 ? 1 : -1;
        Py_XDECREF(by);
    } else if (PyErr_Occurred()) {
        rc = -1;
    }
    Py_XDECREF(tasks);
    return rc;
}

/* InstrumentedLoop.call_soon(self, callback, *args, context=None) */
PyObject *accel_call_soon(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    (void)module;
    if (nargs < 2)         /* call_soon(callback=...): loop.py's own takes it */
        return PyObject_Vectorcall(py_call_soon, args, (size_t)nargs, kwnames);
    PyObject *handle = PyObject_Vectorcall(base_call_soon, args, (size_t)nargs, kwnames);
    if (handle == NULL)
        return NULL;
    /* No frame of ours is on the stack: in debug mode the handle's "created at" already names
       the caller (loop.py's call_soon takes its own frame off). */
    PyObject *loop = args[0], *callback = args[1];
    PyObject *st = PyObject_GetAttr(loop, s_ls);
    if (st == NULL || Py_TYPE(st) != loop_state_type) {
        Py_XDECREF(st);
        Py_DECREF(handle);
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "call_soon() of a loop without its LoopState");
        return NULL;
    }
    int ready = task_made_ready(st, callback, nargs - 2);
    if (ready == 0) {
        PyObject *rest = PyTuple_New(nargs - 2);
        if (rest != NULL) {
            for (Py_ssize_t i = 2; i < nargs; i++) {
                Py_INCREF(args[i]);
                PyTuple_SET_ITEM(rest, i - 2, args[i]);
            }
            PyObject *r = PyObject_CallMethodObjArgs(st, s_scheduled, handle, callback, rest, NULL);
            Py_DECREF(rest);
            ready = r != NULL ? 1 : -1;
            Py_XDECREF(r);
        }
    }
    Py_DECREF(st);
    if (ready < 0) {
        Py_DECREF(handle);
        return NULL;
    }
    return handle;
}
