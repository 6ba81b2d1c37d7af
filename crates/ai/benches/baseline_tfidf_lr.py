#!/usr/bin/env python3
"""The reference for the offline classifier benchmark: scikit-learn TF-IDF (word 1-2 grams) + logistic
regression, trained and scored on the same split. Prints one JSON object like `switchboard-cli eval --json`.

    python3 baseline_tfidf_lr.py TRAIN.csv TEST.csv TEXT_COL LABEL_COL
"""
import csv
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

train_path, test_path, text_col, label_col = sys.argv[1:5]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [(r[text_col], r[label_col].strip()) for r in csv.DictReader(f)]
    rows = [(t, l) for t, l in rows if t.strip() and l]
    return [t for t, _ in rows], [l for _, l in rows]


train_text, train_labels = read(train_path)
test_text, test_labels = read(test_path)

started = time.perf_counter()
vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
x_train = vectorizer.fit_transform(train_text)
model = LogisticRegression(max_iter=1000)
model.fit(x_train, train_labels)
train_seconds = time.perf_counter() - started

started = time.perf_counter()
predicted = model.predict(vectorizer.transform(test_text))
classify_seconds = time.perf_counter() - started

print(json.dumps({
    "train_examples": len(train_text),
    "test_examples": len(test_text),
    "accuracy": accuracy_score(test_labels, predicted),
    "macro_f1": f1_score(test_labels, predicted, average="macro"),
    "train_seconds": train_seconds,
    "tickets_per_second": len(test_text) / classify_seconds,
}))
