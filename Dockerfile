# The production image: one image for the web (gunicorn), the Celery workers and beat.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VAR_DIR=/app/var

WORKDIR /app

# The runtime dependencies, read from pyproject.toml alone so that a code change
# reuses this layer. The `test` extra is not installed.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself, editable so that BASE_DIR (templates, static files) is /app.
# Static files are collected into the image with the production (manifest) storage;
# the secret key here exists only for this one command.
COPY . .
RUN pip install --no-deps --editable . \
    && DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && groupadd --system sellerdesk \
    && useradd --system --gid sellerdesk --home-dir /app --no-create-home sellerdesk \
    && mkdir -p "$VAR_DIR/media" \
    && chown -R sellerdesk:sellerdesk "$VAR_DIR"

USER sellerdesk
EXPOSE 8000
CMD ["gunicorn", "helpdesk.wsgi", "--bind", "0.0.0.0:8000"]
