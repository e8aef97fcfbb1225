#!/usr/bin/env python3
"""Arrows point down only: every #include of a project header must name a layer that the
including file's layer may use (docs/architecture.md), and the Qt-free layers include no Qt."""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

# layer folder -> the project folders it may include (itself included)
ALLOWED = {
    'model': {'model'},
    'model/io': {'model', 'model/io'},
    'sim': {'model', 'sim'},
    'sim/study': {'model', 'sim', 'sim/study'},
    'ui/present': {'model', 'model/io', 'sim', 'sim/study', 'ui/present'},
    'ui/document': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'ui/document'},
    'ui/editor': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'ui/document', 'ui/editor'},
    'ui/results': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'ui/document', 'ui/results'},
    'ui/scenarios': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'ui/document', 'ui/results',
                     'ui/scenarios'},
    'ui/report': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'ui/document', 'ui/editor',
                  'ui/results', 'ui/report'},
    'ui/window': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'ui/document', 'ui/editor',
                  'ui/results', 'ui/scenarios', 'ui/report', 'ui/window'},
    'app/cli': {'model', 'model/io', 'sim', 'sim/study', 'ui/present', 'app/cli'},
}
# cmd_report.cpp is its own target (nines_cli_report) and may use the report writer.
EXCEPTIONS = {'app/cli/cmd_report.cpp': {'ui/report'}}
NO_QT = {'model', 'sim', 'sim/study'}
NO_WIDGETS = {'model/io', 'ui/present', 'app/cli'}
WIDGET_HEADERS = re.compile(r'#include <(QtWidgets/|QtGui/|Q(Widget|Application|Painter|Graphics\w*|Color|Font\w*|Pixmap|'
                            r'Image|Icon|Pen|Brush|Label|Layout|\w+Layout|PushButton|TableWidget|MainWindow|'
                            r'PdfWriter|Svg\w*|UndoStack|UndoCommand|Clipboard|Action)\b)')


def layer_of(rel):
    best = None
    for layer in ALLOWED:
        if rel.startswith(layer + '/') and (best is None or len(layer) > len(best)):
            best = layer
    return best


def target_layer(inc):
    best = None
    for layer in ALLOWED:
        if inc.startswith(layer + '/') and (best is None or len(layer) > len(best)):
            best = layer
    return best


def main():
    bad = []
    checked = 0
    for top in ('model', 'sim', 'ui', 'app'):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in files:
                if not f.endswith(('.h', '.cpp')):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, ROOT)
                layer = layer_of(rel)
                if layer is None:
                    continue
                checked += 1
                allowed = ALLOWED[layer] | EXCEPTIONS.get(rel, set())
                with open(path, encoding='utf-8') as fh:
                    for n, line in enumerate(fh, 1):
                        m = re.match(r'\s*#include "([^"]+)"', line)
                        if m and '/' in m.group(1):
                            to = target_layer(m.group(1))
                            if to is not None and to not in allowed:
                                bad.append(f'{rel}:{n}: {layer} includes {m.group(1)} ({to} is not below it)')
                        if layer in NO_QT and re.match(r'\s*#include <Q', line):
                            bad.append(f'{rel}:{n}: {layer} is pure C++ but includes {line.strip()}')
                        if layer in NO_WIDGETS and WIDGET_HEADERS.match(line.strip()):
                            bad.append(f'{rel}:{n}: {layer} is Qt Core only but includes {line.strip()}')
    for b in bad:
        print(b)
    print(f'{checked} files checked, {len(bad)} arrows pointing the wrong way')
    return 1 if bad or checked < 100 else 0


if __name__ == '__main__':
    sys.exit(main())
