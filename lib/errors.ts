/** Typed errors, mapped to responses in one place (app/ error boundaries and route handlers). */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string) {
    super(message, 400);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Forbidden") {
    super(message, 403);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in required") {
    super(message, 401);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message = "Too many requests",
    readonly retryAfterSeconds = 60,
  ) {
    super(message, 429);
  }
}

/** The database could not be reached: an error page, never an empty result. */
export class DatabaseUnavailableError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super("The database is unavailable", 503, options);
  }
}
