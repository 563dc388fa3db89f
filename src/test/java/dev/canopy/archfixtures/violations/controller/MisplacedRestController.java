package dev.canopy.archfixtures.violations.controller;

import org.springframework.web.bind.annotation.RestController;

/** Violates: a REST controller (meta-annotated with {@code @Controller}) outside a {@code web} package. */
@RestController
public abstract class MisplacedRestController {}
