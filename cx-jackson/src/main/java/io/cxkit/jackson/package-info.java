/**
 * JSON for every cxkit result through Jackson, with one policy: {@link io.cxkit.jackson.CxJacksonModule}
 * (found by {@code ObjectMapper.findAndRegisterModules()}) writes NaN and infinities as
 * {@code null}, durations in seconds, and every estimate with {@code n}, {@code estimate},
 * {@code standardError}, {@code lower} and {@code upper} at a configurable confidence; survey
 * reports keep the documented {@code cxkit/survey-report/v1} schema.
 */
package io.cxkit.jackson;
