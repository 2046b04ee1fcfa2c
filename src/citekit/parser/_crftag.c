/* An optional compiled tagger for a crfsuite CRF1d model (see parser/fasttag.py).
 *
 * python-crfsuite copies every feature string into C++ and looks it up in the model's string
 * database on every call (~90% of its tagging time).  This tagger looks each feature (a bytes
 * object, whose hash Python keeps) up in a dict from attribute name to index, and then does
 * crfsuite's own arithmetic in crfsuite's order: state scores summed feature by feature, the
 * Viterbi with crfsuite's tie rules, and the scaled forward-backward of crf1d_context.c, so labels
 * and marginal probabilities are the same to the bit (the tests compare them).  Compiled with
 * floating-point contraction off (no fused multiply-add: crfsuite's additions stay separate).
 *
 * Tagger(labels, index, offsets, targets, weights, trans):
 *   labels   list of label names (str), L of them
 *   index    dict: attribute name (bytes) -> attribute number a
 *   offsets  bytes of int32, len A + 1: attribute a's state weights are entries offsets[a] ..
 *            offsets[a + 1] - 1 of targets (int32 label numbers) and weights (float64)
 *   trans    bytes of L * L float64: trans[i * L + j], label i followed by label j
 * tag(xseq) -> list of label names;  marginal(label, t) -> float (of the sequence tagged last).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *labels;  /* list of str */
    PyObject *label_index;  /* str -> int */
    PyObject *index;  /* bytes -> int */
    PyObject *keep;  /* tuple of the bytes objects below (kept alive) */
    const int32_t *offsets;
    const int32_t *targets;
    const double *weights;
    const double *trans;
    double *exp_trans;
    double *row;  /* L: one row of the backward pass */
    Py_ssize_t L;
    Py_ssize_t n_attrs;
    /* the sequence tagged last */
    Py_ssize_t T;
    Py_ssize_t cap;
    double *state;  /* T * L */
    double *alpha;  /* T * L: Viterbi scores, then forward scores */
    int *back;  /* T * L */
    double *beta;  /* T * L */
    double *scale;  /* T */
    int marginals_ready;
} Tagger;

static void Tagger_dealloc(Tagger *self) {
    Py_XDECREF(self->labels);
    Py_XDECREF(self->label_index);
    Py_XDECREF(self->index);
    Py_XDECREF(self->keep);
    PyMem_Free(self->exp_trans);
    PyMem_Free(self->row);
    PyMem_Free(self->state);
    PyMem_Free(self->alpha);
    PyMem_Free(self->back);
    PyMem_Free(self->beta);
    PyMem_Free(self->scale);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Tagger_init(Tagger *self, PyObject *args, PyObject *kwds) {
    PyObject *labels, *index, *offsets, *targets, *weights, *trans;
    if (!PyArg_ParseTuple(args, "O!O!SSSS", &PyList_Type, &labels, &PyDict_Type, &index, &offsets,
                          &targets, &weights, &trans))
        return -1;
    Py_ssize_t L = PyList_GET_SIZE(labels);
    Py_ssize_t n_off = PyBytes_GET_SIZE(offsets) / (Py_ssize_t)sizeof(int32_t);
    if (L < 1 || n_off < 1 || PyBytes_GET_SIZE(trans) != (Py_ssize_t)(L * L * sizeof(double)) ||
        PyBytes_GET_SIZE(targets) / (Py_ssize_t)sizeof(int32_t) !=
            PyBytes_GET_SIZE(weights) / (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "inconsistent model arrays");
        return -1;
    }
    const int32_t *off = (const int32_t *)PyBytes_AS_STRING(offsets);
    const int32_t *tgt = (const int32_t *)PyBytes_AS_STRING(targets);
    Py_ssize_t n_w = PyBytes_GET_SIZE(weights) / (Py_ssize_t)sizeof(double);
    for (Py_ssize_t a = 0; a + 1 < n_off; a++) {
        if (off[a] < 0 || off[a] > off[a + 1] || off[a + 1] > n_w) {
            PyErr_SetString(PyExc_ValueError, "bad attribute offsets");
            return -1;
        }
    }
    for (Py_ssize_t k = 0; k < n_w; k++) {
        if (tgt[k] < 0 || tgt[k] >= L) {
            PyErr_SetString(PyExc_ValueError, "bad label number");
            return -1;
        }
    }
    self->label_index = PyDict_New();
    if (!self->label_index) return -1;
    for (Py_ssize_t i = 0; i < L; i++) {
        PyObject *num = PyLong_FromSsize_t(i);
        if (!num || PyDict_SetItem(self->label_index, PyList_GET_ITEM(labels, i), num) < 0) {
            Py_XDECREF(num);
            return -1;
        }
        Py_DECREF(num);
    }
    Py_INCREF(labels);
    self->labels = labels;
    Py_INCREF(index);
    self->index = index;
    self->keep = PyTuple_Pack(4, offsets, targets, weights, trans);
    if (!self->keep) return -1;
    self->offsets = off;
    self->targets = tgt;
    self->weights = (const double *)PyBytes_AS_STRING(weights);
    self->trans = (const double *)PyBytes_AS_STRING(trans);
    self->L = L;
    self->n_attrs = n_off - 1;
    self->exp_trans = PyMem_Malloc(sizeof(double) * L * L);
    self->row = PyMem_Malloc(sizeof(double) * L);
    if (!self->exp_trans || !self->row) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < L * L; k++) self->exp_trans[k] = exp(self->trans[k]);
    return 0;
}

static int reserve(Tagger *self, Py_ssize_t T) {
    if (T <= self->cap) return 0;
    Py_ssize_t cap = T < 64 ? 64 : T;
    Py_ssize_t L = self->L;
    PyMem_Free(self->state);
    PyMem_Free(self->alpha);
    PyMem_Free(self->back);
    PyMem_Free(self->beta);
    PyMem_Free(self->scale);
    self->state = PyMem_Malloc(sizeof(double) * cap * L);
    self->alpha = PyMem_Malloc(sizeof(double) * cap * L);
    self->back = PyMem_Malloc(sizeof(int) * cap * L);
    self->beta = PyMem_Malloc(sizeof(double) * cap * L);
    self->scale = PyMem_Malloc(sizeof(double) * cap);
    if (!self->state || !self->alpha || !self->back || !self->beta || !self->scale) {
        self->cap = 0;
        PyErr_NoMemory();
        return -1;
    }
    self->cap = cap;
    return 0;
}

/* crfsuite's crf1dt_state_score: every attribute's weights added in the item's order */
static int state_scores(Tagger *self, PyObject *xseq, Py_ssize_t T) {
    Py_ssize_t L = self->L;
    memset(self->state, 0, sizeof(double) * T * L);
    for (Py_ssize_t t = 0; t < T; t++) {
        PyObject *item = PySequence_Fast(PySequence_Fast_GET_ITEM(xseq, t), "an item must be a sequence");
        if (!item) return -1;
        double *row = self->state + t * L;
        Py_ssize_t n = PySequence_Fast_GET_SIZE(item);
        PyObject **feats = PySequence_Fast_ITEMS(item);
        for (Py_ssize_t k = 0; k < n; k++) {
            PyObject *num;
            if (PyUnicode_Check(feats[k])) { /* a str feature: its UTF-8 bytes, as crfsuite's */
                PyObject *utf8 = PyUnicode_AsUTF8String(feats[k]);
                if (!utf8) {
                    Py_DECREF(item);
                    return -1;
                }
                num = PyDict_GetItemWithError(self->index, utf8);
                Py_DECREF(utf8); /* (num is borrowed from the dict, which keeps its own key) */
            } else {
                num = PyDict_GetItemWithError(self->index, feats[k]);
            }
            if (!num) {
                if (PyErr_Occurred()) {
                    Py_DECREF(item);
                    return -1;
                }
                continue; /* an attribute the model does not know: crfsuite skips it */
            }
            Py_ssize_t a = PyLong_AsSsize_t(num);
            if (a < 0 || a >= self->n_attrs) {
                Py_DECREF(item);
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "bad attribute number");
                return -1;
            }
            for (int32_t r = self->offsets[a]; r < self->offsets[a + 1]; r++)
                row[self->targets[r]] += self->weights[r] * 1.0;
        }
        Py_DECREF(item);
    }
    return 0;
}

/* crfsuite's crf1dc_viterbi */
static void viterbi(Tagger *self, Py_ssize_t T, int *labels) {
    Py_ssize_t L = self->L;
    double *score = self->alpha;
    for (Py_ssize_t j = 0; j < L; j++) score[j] = self->state[j];
    for (Py_ssize_t t = 1; t < T; t++) {
        const double *prev = score + (t - 1) * L;
        double *curr = score + t * L;
        const double *state = self->state + t * L;
        int *back = self->back + t * L;
        for (Py_ssize_t j = 0; j < L; j++) {
            double max_score = -DBL_MAX;
            int argmax = -1;
            for (Py_ssize_t i = 0; i < L; i++) {
                double s = prev[i] + self->trans[i * L + j];
                if (max_score < s) {
                    max_score = s;
                    argmax = (int)i;
                }
            }
            if (0 <= argmax) back[j] = argmax;
            curr[j] = max_score + state[j];
        }
    }
    double max_score = -DBL_MAX;
    const double *last = score + (T - 1) * L;
    labels[T - 1] = 0;
    for (Py_ssize_t i = 0; i < L; i++) {
        if (max_score < last[i]) {
            max_score = last[i];
            labels[T - 1] = (int)i;
        }
    }
    for (Py_ssize_t t = T - 2; 0 <= t; t--) labels[t] = self->back[(t + 1) * L + labels[t + 1]];
}

static PyObject *Tagger_tag(Tagger *self, PyObject *arg) {
    PyObject *xseq = PySequence_Fast(arg, "xseq must be a sequence");
    if (!xseq) return NULL;
    Py_ssize_t T = PySequence_Fast_GET_SIZE(xseq);
    self->T = 0;
    self->marginals_ready = 0;
    if (T == 0) {
        Py_DECREF(xseq);
        return PyList_New(0);
    }
    int *labels = NULL;
    PyObject *out = NULL;
    if (reserve(self, T) < 0 || state_scores(self, xseq, T) < 0) goto done;
    labels = PyMem_Malloc(sizeof(int) * T);
    if (!labels) {
        PyErr_NoMemory();
        goto done;
    }
    viterbi(self, T, labels);
    self->T = T;
    out = PyList_New(T);
    if (!out) goto done;
    for (Py_ssize_t t = 0; t < T; t++) {
        PyObject *name = PyList_GET_ITEM(self->labels, labels[t]);
        Py_INCREF(name);
        PyList_SET_ITEM(out, t, name);
    }
done:
    PyMem_Free(labels);
    Py_DECREF(xseq);
    return out;
}

/* crfsuite's crf1dc_exp_state, crf1dc_alpha_score and crf1dc_beta_score */
static void forward_backward(Tagger *self) {
    Py_ssize_t L = self->L, T = self->T;
    double *es = self->state; /* the state scores are not needed after the Viterbi: exp in place */
    for (Py_ssize_t k = 0; k < T * L; k++) es[k] = exp(es[k]);
    double *alpha = self->alpha, *beta = self->beta, *scale = self->scale;
    const double *et = self->exp_trans;
    double sum = 0.0;
    for (Py_ssize_t j = 0; j < L; j++) {
        alpha[j] = es[j];
        sum += alpha[j];
    }
    scale[0] = (sum != 0.) ? 1. / sum : 1.;
    for (Py_ssize_t j = 0; j < L; j++) alpha[j] *= scale[0];
    for (Py_ssize_t t = 1; t < T; t++) {
        const double *prev = alpha + (t - 1) * L;
        double *cur = alpha + t * L;
        const double *state = es + t * L;
        for (Py_ssize_t j = 0; j < L; j++) cur[j] = 0.;
        for (Py_ssize_t i = 0; i < L; i++) {
            const double a = prev[i];
            const double *tr = et + i * L;
            for (Py_ssize_t j = 0; j < L; j++) cur[j] += a * tr[j];
        }
        for (Py_ssize_t j = 0; j < L; j++) cur[j] *= state[j];
        sum = 0.0;
        for (Py_ssize_t j = 0; j < L; j++) sum += cur[j];
        scale[t] = (sum != 0.) ? 1. / sum : 1.;
        for (Py_ssize_t j = 0; j < L; j++) cur[j] *= scale[t];
    }
    double *last = beta + (T - 1) * L;
    for (Py_ssize_t j = 0; j < L; j++) last[j] = scale[T - 1];
    double *buf = self->row;
    for (Py_ssize_t t = T - 2; 0 <= t; t--) {
        double *cur = beta + t * L;
        const double *next = beta + (t + 1) * L;
        const double *state = es + (t + 1) * L;
        for (Py_ssize_t j = 0; j < L; j++) buf[j] = next[j] * state[j];
        for (Py_ssize_t i = 0; i < L; i++) {
            const double *tr = et + i * L;
            double dot = 0.;
            for (Py_ssize_t j = 0; j < L; j++) dot += tr[j] * buf[j];
            cur[i] = dot;
        }
        for (Py_ssize_t i = 0; i < L; i++) cur[i] *= scale[t];
    }
    self->marginals_ready = 1;
}

static PyObject *Tagger_marginal(Tagger *self, PyObject *args) {
    PyObject *label;
    Py_ssize_t t;
    if (!PyArg_ParseTuple(args, "On", &label, &t)) return NULL;
    if (self->T == 0) {
        PyErr_SetString(PyExc_ValueError, "marginal() before tag()");
        return NULL;
    }
    if (t < 0 || t >= self->T) {
        PyErr_SetString(PyExc_IndexError, "no such token");
        return NULL;
    }
    PyObject *num = PyDict_GetItemWithError(self->label_index, label);
    if (!num) {
        if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, label);
        return NULL;
    }
    Py_ssize_t l = PyLong_AsSsize_t(num);
    if (!self->marginals_ready) forward_backward(self);
    Py_ssize_t k = t * self->L + l;
    return PyFloat_FromDouble(self->alpha[k] * self->beta[k] / self->scale[t]);
}

static PyObject *Tagger_labels(Tagger *self, PyObject *Py_UNUSED(ignored)) {
    return PyList_GetSlice(self->labels, 0, PyList_GET_SIZE(self->labels));
}

static PyMethodDef Tagger_methods[] = {
    {"tag", (PyCFunction)Tagger_tag, METH_O, "The Viterbi labels of xseq (one feature list per token)."},
    {"marginal", (PyCFunction)Tagger_marginal, METH_VARARGS,
     "The marginal probability of label at token t of the sequence tagged last."},
    {"labels", (PyCFunction)Tagger_labels, METH_NOARGS, "The model's label names."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject TaggerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "citekit.parser._crftag.Tagger",
    .tp_basicsize = sizeof(Tagger),
    .tp_dealloc = (destructor)Tagger_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "crfsuite's tagging over a model given as arrays (see the module docstring).",
    .tp_methods = Tagger_methods,
    .tp_init = (initproc)Tagger_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_crftag", "An optional compiled tagger for crfsuite models.", -1, NULL,
};

PyMODINIT_FUNC PyInit__crftag(void) {
    if (PyType_Ready(&TaggerType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&TaggerType);
    if (PyModule_AddObject(m, "Tagger", (PyObject *)&TaggerType) < 0) {
        Py_DECREF(&TaggerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
