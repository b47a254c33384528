# Reference values for io.cxkit.survey.SampleSize.
# Regenerate: Rscript cx-survey/src/test/resources/reference/sample_size.R > cx-survey/src/test/resources/reference/sample_size.csv
cat("kind,a,b,c,d,n\n")
# Two proportions: R's power.prop.test (strict = FALSE); cxkit rounds n up.
for (a in list(c(.5, .6, .05, .8), c(.7, .8, .05, .9), c(.3, .35, .01, .8), c(.85, .9, .1, .8))) {
  r <- power.prop.test(p1 = a[1], p2 = a[2], sig.level = a[3], power = a[4])
  cat(sprintf("prop_diff,%.17g,%.17g,%.17g,%.17g,%.17g\n", a[1], a[2], a[3], a[4], r$n))
}
# Mean margin of error: smallest n >= 2 with qt(1 - alpha/2, n - 1) * sd / sqrt(n) <= margin.
f <- function(m, conf, s) { n <- 2; while (qt(1 - (1 - conf) / 2, n - 1) * s / sqrt(n) > m) n <- n + 1; n }
for (a in list(c(0.1, .95, 1.5), c(0.25, .90, 1.2), c(0.5, .99, 2))) {
  cat(sprintf("mean_moe,%.17g,%.17g,%.17g,NA,%d\n", a[1], a[2], a[3], f(a[1], a[2], a[3])))
}
# Proportion margin of error: qnorm(1 - alpha/2)^2 p (1 - p) / E^2.
for (a in list(c(5, .95, .5), c(3, .99, .8), c(10, .90, .1))) {
  z <- qnorm(1 - (1 - a[2]) / 2)
  cat(sprintf("prop_moe,%.17g,%.17g,%.17g,NA,%.17g\n", a[1], a[2], a[3], z^2 * a[3] * (1 - a[3]) / (a[1] / 100)^2))
}
# NPS margin of error: z^2 ((pP + pD) - (pP - pD)^2) / (E/100)^2.
for (a in list(c(5, .95, .5, .5), c(5, .95, .45, .2), c(10, .90, .6, .1))) {
  z <- qnorm(1 - (1 - a[2]) / 2)
  v <- a[3] + a[4] - (a[3] - a[4])^2
  cat(sprintf("nps_moe,%.17g,%.17g,%.17g,%.17g,%.17g\n", a[1], a[2], a[3], a[4], z^2 * v / (a[1] / 100)^2))
}
