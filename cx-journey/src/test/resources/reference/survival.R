# Reference values for io.cxkit.journey.SurvivalAccumulator / LogRankTest.
# Regenerate from this directory:  Rscript survival.R
# Writes lung.csv (R's survival::lung: time in days, status 1 = censored / 2 = dead, sex 1 = male /
# 2 = female), small.csv (hand-made edge cases), km_reference.csv, median_reference.csv and
# logrank_reference.csv. Numbers are written with sprintf("%.17g") so they parse back exactly.
suppressPackageStartupMessages(library(survival))
f17 <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))

lung <- survival::lung[, c("time", "status", "sex")]
write.csv(lung, "lung.csv", row.names = FALSE, quote = FALSE)

# Small cases: a: S hits exactly 0.5 then drops (median midway); b: S stays at 0.5 to the last
# (censored) time; c: ties of events and censorings at one time, S reaches 0; d: median never reached.
small <- rbind(
  data.frame(dataset = "a", time = c(1, 2, 3, 4), status = c(2, 2, 2, 2)),
  data.frame(dataset = "b", time = c(1, 2, 3, 4), status = c(2, 2, 1, 1)),
  data.frame(dataset = "c", time = c(5, 5, 5, 8, 8, 9, 12), status = c(2, 2, 1, 2, 1, 2, 2)),
  data.frame(dataset = "d", time = c(3, 6, 6, 7, 10), status = c(2, 1, 1, 1, 1)))
write.csv(small, "small.csv", row.names = FALSE, quote = FALSE)

km_rows <- list()
med_rows <- list()
add_fit <- function(dataset, group, data) {
  for (ct in c("log", "log-log")) {
    fit <- survfit(Surv(time, status) ~ 1, data = data, conf.type = ct)
    if (ct == "log") {
      km_rows[[length(km_rows) + 1]] <<- data.frame(dataset = dataset, group = group,
        time = f17(fit$time), n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor,
        surv = f17(fit$surv), std_err_log = f17(fit$std.err),
        std_err_surv = f17(summary(fit, times = fit$time)$std.err),
        lower_log = f17(fit$lower), upper_log = f17(fit$upper))
      ll <- survfit(Surv(time, status) ~ 1, data = data, conf.type = "log-log")
      km_rows[[length(km_rows)]]$lower_loglog <<- f17(ll$lower)
      km_rows[[length(km_rows)]]$upper_loglog <<- f17(ll$upper)
    }
    q <- quantile(fit, probs = 0.5)
    med_rows[[length(med_rows) + 1]] <<- data.frame(dataset = dataset, group = group,
      conf_type = ct, median = f17(q$quantile), lower = f17(q$lower), upper = f17(q$upper))
  }
}
add_fit("lung", "all", lung)
add_fit("lung", "1", lung[lung$sex == 1, ])
add_fit("lung", "2", lung[lung$sex == 2, ])
for (d in c("a", "b", "c", "d")) add_fit(d, "all", small[small$dataset == d, ])
write.csv(do.call(rbind, km_rows), "km_reference.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, med_rows), "median_reference.csv", row.names = FALSE, quote = FALSE)

sd <- survdiff(Surv(time, status) ~ sex, data = lung)
df <- length(sd$n) - 1
p <- pchisq(sd$chisq, df, lower.tail = FALSE)
lr <- data.frame(group = c("1", "2"), n = as.vector(sd$n), observed = f17(sd$obs), expected = f17(sd$exp),
  var_1 = f17(sd$var[, 1]), var_2 = f17(sd$var[, 2]), chisq = f17(sd$chisq), df = df, p = f17(p))
write.csv(lr, "logrank_reference.csv", row.names = FALSE, quote = FALSE)
print(survfit(Surv(time, status) ~ sex, data = lung))
print(sd)
