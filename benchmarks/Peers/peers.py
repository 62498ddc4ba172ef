#!/usr/bin/python3
"""The peers Tuner is measured against: Optuna's TPE over XGBoost (hist, early stopping on the validation rows)
and over scikit-learn's SGD classifier/regressor, on the same train/validation files and the same time budget.

Usage: peers.py xgboost|sgd TRAIN.csv VALID.csv TEST.csv LABEL TASK SECONDS SEED
Prints one line: the validation metric of the best trial (binary AUC, multiclass accuracy, regression R^2), the
same metric of that trial's model on the test rows, and the number of trials. Debian's python3-optuna, python3-xgboost and python3-sklearn provide the packages.
"""
import os
import sys
import time
import warnings

import numpy as np
import optuna
import pandas as pd
import xgboost as xgb
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import SGDClassifier, SGDRegressor
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

method, train_path, valid_path, test_path, label, task, seconds, seed = sys.argv[1:9]
seconds, seed = float(seconds), int(seed)
optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore")  # scikit-learn's convergence warnings at max_iter=50

train, valid, test = (pd.read_csv(p, skipinitialspace=True) for p in (train_path, valid_path, test_path))
y_train_raw, y_valid_raw, y_test_raw = train.pop(label), valid.pop(label), test.pop(label)
categorical = [c for c in train.columns if train[c].dtype == object]
numeric = [c for c in train.columns if c not in categorical]
for frame in (train, valid, test):
    for c in categorical:
        frame[c] = frame[c].astype(str).str.strip()

if task == "regression":
    y_train, y_valid, y_test = y_train_raw.to_numpy(float), y_valid_raw.to_numpy(float), y_test_raw.to_numpy(float)
    classes = None
else:
    classes = sorted(set(y_train_raw.astype(str).str.strip()))
    index = {c: i for i, c in enumerate(classes)}
    y_train = y_train_raw.astype(str).str.strip().map(index).to_numpy()
    y_valid = y_valid_raw.astype(str).str.strip().map(index).fillna(-1).to_numpy(int)
    y_test = y_test_raw.astype(str).str.strip().map(index).fillna(-1).to_numpy(int)


def score(y, model_output):
    if task == "binary":
        return roc_auc_score(y, model_output)
    if task == "multiclass":
        return accuracy_score(y, model_output)
    return r2_score(y, model_output)


best = {"valid": -np.inf, "test": np.nan}


def chosen(valid_score, test_output):
    """The trial's validation score; for the best trial so far its model's test score is kept too."""
    if valid_score > best["valid"]:
        best.update(valid=valid_score, test=score(y_test, test_output()))
    return valid_score


def xgboost_objective(trial):
    params = {
        "tree_method": "hist", "seed": seed, "nthread": os.cpu_count(),  # the whole machine, as Tuner uses it
        "max_depth": trial.suggest_int("max_depth", 2, 10),
        "eta": trial.suggest_float("eta", 0.01, 0.3, log=True),
        "subsample": trial.suggest_float("subsample", 0.5, 1.0),
        "colsample_bytree": trial.suggest_float("colsample_bytree", 0.5, 1.0),
        "min_child_weight": trial.suggest_float("min_child_weight", 1e-2, 10, log=True),
        "lambda": trial.suggest_float("lambda", 1e-3, 10, log=True),
        "alpha": trial.suggest_float("alpha", 1e-3, 10, log=True),
    }
    if task == "binary":
        params.update(objective="binary:logistic", eval_metric="auc")
    elif task == "multiclass":
        params.update(objective="multi:softprob", num_class=len(classes), eval_metric="mlogloss")
    else:
        params.update(objective="reg:squarederror", eval_metric="rmse")
    booster = xgb.train(params, dtrain, num_boost_round=1000, evals=[(dvalid, "valid")],
                        early_stopping_rounds=50, verbose_eval=False)
    def predict(rows):
        predicted = booster.predict(rows, iteration_range=(0, booster.best_iteration + 1))
        return predicted.argmax(axis=1) if task == "multiclass" else predicted
    return chosen(score(y_valid, predict(dvalid)), lambda: predict(dtest))


def sgd_objective(trial):
    alpha = trial.suggest_float("alpha", 1e-7, 1e-1, log=True)
    penalty = trial.suggest_categorical("penalty", ["l2", "l1", "elasticnet"])
    schedule = trial.suggest_categorical("learning_rate", ["optimal", "invscaling", "adaptive"])
    eta0 = trial.suggest_float("eta0", 1e-4, 1e-1, log=True)
    if task == "regression":
        loss = trial.suggest_categorical("loss", ["squared_error", "huber", "epsilon_insensitive"])
        model = SGDRegressor(loss=loss, alpha=alpha, penalty=penalty, learning_rate=schedule, eta0=eta0,
                             max_iter=50, random_state=seed)
        scale = np.sqrt(np.mean(y_train ** 2))
        model.fit(x_train, y_train / scale)
        return chosen(score(y_valid, model.predict(x_valid) * scale), lambda: model.predict(x_test) * scale)
    loss = trial.suggest_categorical("loss", ["log_loss", "hinge", "modified_huber"])
    model = SGDClassifier(loss=loss, alpha=alpha, penalty=penalty, learning_rate=schedule, eta0=eta0,
                          max_iter=50, random_state=seed)
    model.fit(x_train, y_train)
    if task == "binary":
        return chosen(score(y_valid, model.decision_function(x_valid)), lambda: model.decision_function(x_test))
    return chosen(score(y_valid, model.predict(x_valid)), lambda: model.predict(x_test))


started = time.monotonic()
if method in ("xgboost", "xgboost-mean"):
    encoded = pd.get_dummies(pd.concat([train, valid, test]), columns=categorical, dtype=float)
    if method == "xgboost-mean":  # missing numbers replaced by the training mean, as Tuner's featurizer does
        encoded[numeric] = encoded[numeric].fillna(encoded.iloc[:len(train)][numeric].mean())
    dtrain = xgb.DMatrix(encoded.iloc[:len(train)], label=y_train)
    dvalid = xgb.DMatrix(encoded.iloc[len(train):len(train) + len(valid)], label=y_valid)
    dtest = xgb.DMatrix(encoded.iloc[len(train) + len(valid):])
    objective = xgboost_objective
else:
    preprocess = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(), StandardScaler()), numeric),
        ("categorical", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                                      OneHotEncoder(handle_unknown="ignore")), categorical),
    ])
    x_train = preprocess.fit_transform(train)
    x_valid = preprocess.transform(valid)
    x_test = preprocess.transform(test)
    objective = sgd_objective

study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
remaining = seconds - (time.monotonic() - started)
study.optimize(objective, timeout=max(remaining, 1), catch=(ValueError,))
print(f"{study.best_value:.6f} {best['test']:.6f} {len(study.trials)}")
