# Reference values for io.cxkit.journey.AttributionAccumulator: the Markov-chain removal effect
# written out as absorbing-chain algebra with base R's solve() (no ChannelAttribution, no simulation),
# plus first/last/linear heuristics. Regenerate from this directory:  Rscript attribution.R
# Writes attribution_journeys.csv (data) and attribution_reference.csv (results), numbers as %.17g.
f17 <- function(x) sprintf("%.17g", x)

# Data: the hand-computed example of AttributionTest (dataset "hand") and 400 seeded journeys.
hand <- list(
  list(tp = c("A", "B"), conv = TRUE, value = 100), list(tp = "A", conv = FALSE, value = 0),
  list(tp = "B", conv = TRUE, value = 50), list(tp = c("A", "C"), conv = FALSE, value = 0),
  list(tp = c("C", "B"), conv = TRUE, value = 30), list(tp = "C", conv = FALSE, value = 0))
set.seed(20261124)
chan <- c("search", "email", "social", "direct", "display")
rnd <- lapply(1:400, function(i) {
  len <- sample(1:6, 1, prob = c(.3, .25, .2, .12, .08, .05))
  tp <- sample(chan, len, replace = TRUE, prob = c(.3, .2, .2, .15, .15))
  p <- 0.08 + 0.15 * ("email" %in% tp) + 0.1 * (tail(tp, 1) == "direct") + 0.03 * len
  conv <- runif(1) < p
  list(tp = tp, conv = conv, value = if (conv) round(rlnorm(1, 4, 0.6), 2) else 0)
})
data <- list(hand = hand, random = rnd)
rows <- list()
for (d in names(data)) for (j in seq_along(data[[d]])) {
  x <- data[[d]][[j]]
  rows[[length(rows) + 1]] <- data.frame(dataset = d, journey = j, touchpoints = paste(x$tp, collapse = ">"),
                                         converted = as.integer(x$conv), value = f17(x$value))
}
write.csv(do.call(rbind, rows), "attribution_journeys.csv", row.names = FALSE, quote = FALSE)

states_of <- function(tp, k) sapply(seq_along(tp), function(i) paste(tp[max(1, i - k + 1):i], collapse = ">"))

markov <- function(js, k) {
  from <- character(0); to <- character(0); val <- numeric(0)
  for (j in js) {
    s <- c("(start)", states_of(j$tp, k))
    from <- c(from, s)
    to <- c(to, s[-1], if (j$conv) "(conversion)" else "(null)")
    val <- c(val, rep(0, length(s) - 1), j$value)
  }
  tr <- sort(unique(from)); n <- length(tr)
  out <- as.vector(table(factor(from, levels = tr)))
  Q <- matrix(0, n, n); r <- numeric(n); v <- numeric(n)
  for (i in seq_along(from)) {
    a <- match(from[i], tr)
    if (to[i] == "(conversion)") { r[a] <- r[a] + 1; v[a] <- v[a] + val[i] }
    else if (to[i] != "(null)") { b <- match(to[i], tr); Q[a, b] <- Q[a, b] + 1 }
  }
  Q <- Q / out; r <- r / out; v <- v / out
  st <- match("(start)", tr)
  A <- diag(n) - Q
  base <- solve(A, cbind(r, v))[st, ]
  tps <- sort(unique(unlist(lapply(js, `[[`, "tp"))))
  re <- rev <- numeric(length(tps))
  for (t in seq_along(tps)) {
    gone <- sapply(strsplit(tr, ">", fixed = TRUE), function(p) tps[t] %in% p) & tr != "(start)"
    A2 <- A; A2[gone, ] <- 0; A2[cbind(which(gone), which(gone))] <- 1
    B2 <- cbind(r, v); B2[gone, ] <- 0
    x <- solve(A2, B2)[st, ]
    re[t] <- 1 - x[1] / base[1]; rev[t] <- 1 - x[2] / base[2]
  }
  nconv <- sum(sapply(js, `[[`, "conv")); tv <- sum(sapply(js, `[[`, "value"))
  data.frame(model = paste0("markov", k), touchpoint = tps, conversions = f17(nconv * re / sum(re)),
             value = f17(tv * rev / sum(rev)), removal_effect = f17(re), value_removal_effect = f17(rev),
             p_conversion = f17(base[1]), states = n)
}

heuristic <- function(js) {
  tps <- sort(unique(unlist(lapply(js, `[[`, "tp"))))
  m <- matrix(0, length(tps), 6, dimnames = list(tps, NULL))
  for (j in js) if (j$conv) {
    f <- j$tp[1]; l <- tail(j$tp, 1); L <- length(j$tp)
    m[f, 1] <- m[f, 1] + 1; m[f, 2] <- m[f, 2] + j$value
    m[l, 3] <- m[l, 3] + 1; m[l, 4] <- m[l, 4] + j$value
    for (t in j$tp) { m[t, 5] <- m[t, 5] + 1 / L; m[t, 6] <- m[t, 6] + j$value / L }
  }
  do.call(rbind, lapply(1:3, function(i) data.frame(model = c("first", "last", "linear")[i], touchpoint = tps,
    conversions = f17(m[, 2 * i - 1]), value = f17(m[, 2 * i]), removal_effect = "NaN",
    value_removal_effect = "NaN", p_conversion = "NaN", states = 0)))
}

res <- list()
for (d in names(data)) {
  for (k in 1:3) res[[length(res) + 1]] <- cbind(dataset = d, markov(data[[d]], k))
  res[[length(res) + 1]] <- cbind(dataset = d, heuristic(data[[d]]))
}
out <- do.call(rbind, res)
write.csv(out, "attribution_reference.csv", row.names = FALSE, quote = FALSE)
print(out[out$dataset == "hand", ])
