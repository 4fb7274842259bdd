-- CreateTable: one-time dashboard sign-in links (the token's SHA-256, never the token).
CREATE TABLE "dashboard_links" (
    "token_hash" TEXT NOT NULL,
    "user_key" TEXT NOT NULL,
    "is_admin" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "dashboard_links_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable: dashboard sessions (the cookie value's SHA-256, never the value).
CREATE TABLE "dashboard_sessions" (
    "id_hash" TEXT NOT NULL,
    "user_key" TEXT NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "dashboard_sessions_pkey" PRIMARY KEY ("id_hash")
);

-- CreateIndex
CREATE INDEX "dashboard_links_expires_at_idx" ON "dashboard_links"("expires_at");

-- CreateIndex
CREATE INDEX "dashboard_sessions_expires_at_idx" ON "dashboard_sessions"("expires_at");
