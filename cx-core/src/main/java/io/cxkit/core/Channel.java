package io.cxkit.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A channel through which a customer interacts: web, mobile app, e-mail, phone, chat, store,
 * social media, SMS, or any custom channel.
 *
 * <p>Names are normalised so that spelling variants meet: leading and trailing white space is
 * removed, letters are lower-cased (root locale), and every run of white space, {@code '-'} or
 * {@code '_'} becomes a single {@code '_'}. So {@code "Mobile App"}, {@code "mobile-app"} and
 * {@code "MOBILE_APP"} are all {@link #MOBILE_APP}. Normalisation happens in the constructor, so
 * equality is always by normalised name.
 *
 * @param name the normalised channel name, e.g. {@code "mobile_app"}; not blank
 */
public record Channel(String name) {

    /** The web site. */
    public static final Channel WEB = new Channel("web");
    /** A native mobile application. */
    public static final Channel MOBILE_APP = new Channel("mobile_app");
    /** E-mail. */
    public static final Channel EMAIL = new Channel("email");
    /** Telephone, including IVR and call centres. */
    public static final Channel PHONE = new Channel("phone");
    /** Live or bot chat. */
    public static final Channel CHAT = new Channel("chat");
    /** A physical store or branch. */
    public static final Channel STORE = new Channel("store");
    /** Social media. */
    public static final Channel SOCIAL = new Channel("social");
    /** Text messages. */
    public static final Channel SMS = new Channel("sms");

    private static final List<Channel> PREDEFINED =
            List.of(WEB, MOBILE_APP, EMAIL, PHONE, CHAT, STORE, SOCIAL, SMS);
    private static final Map<String, Channel> BY_NAME =
            PREDEFINED.stream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));

    /**
     * Normalises and validates the name.
     *
     * @param name the name; see the class comment
     * @throws InvalidInputException if the name is missing or blank
     */
    public Channel {
        Check.notBlank(name, "channel name");
        name = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "_");
    }

    /**
     * Returns the channel with the given name, normalised as described in the class comment; for
     * the name of a predefined channel the constant itself is returned.
     *
     * @param name the channel name, e.g. {@code "Mobile App"}; not blank
     * @return the channel
     * @throws InvalidInputException if the name is missing or blank
     */
    public static Channel of(String name) {
        Channel c = new Channel(name);
        return BY_NAME.getOrDefault(c.name, c);
    }

    /**
     * Returns the predefined channels, in declaration order.
     *
     * @return an unmodifiable list
     */
    public static List<Channel> predefined() {
        return PREDEFINED;
    }

    /**
     * Returns the normalised name, e.g. {@code mobile_app}.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
