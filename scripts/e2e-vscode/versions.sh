# Versions of the real-VS-Code test kit (see /work/shared/design/e2e-vscode.md).
# Sourced by install.sh and read by test/e2e-vscode/run.mjs: one NAME=value a
# line, no quotes. Changing one gives a new cache folder (the versions key).
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
