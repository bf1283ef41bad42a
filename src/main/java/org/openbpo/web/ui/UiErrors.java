package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the UI pages become a page a person can read, inside the usual layout. Ordered
 * before the API's problem-detail advice, which would otherwise answer a browser with JSON.
 */
@ControllerAdvice(basePackageClasses = UiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UiErrors.class);

    private final ShellAdvice shells;

    UiErrors(ShellAdvice shells) {
        this.shells = shells;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, @AuthenticationPrincipal @Nullable CurrentUser user,
                          HttpServletRequest request, HttpServletResponse response) {
        return page(404, "Not found", "This page does not exist, or it belongs to a client you do not serve.",
                user, request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badLink(MethodArgumentTypeMismatchException e, @AuthenticationPrincipal @Nullable CurrentUser user,
                         HttpServletRequest request, HttpServletResponse response) {
        return page(404, "Not found", "This link is not valid.", user, request, response);
    }

    /**
     * A form sent without a field it needs, or with one left empty where a choice was required (a
     * tampered or half-loaded page, a script), and an upload sent without its file.
     */
    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MultipartException.class})
    ModelAndView incomplete(Exception e, @AuthenticationPrincipal @Nullable CurrentUser user,
                            HttpServletRequest request, HttpServletResponse response) {
        String message = switch (e) {
            case MissingServletRequestParameterException missing ->
                    "The form was sent without its \"" + missing.getParameterName() + "\". Fill it in and send it again.";
            case MissingServletRequestPartException missing ->
                    "The form was sent without its \"" + missing.getRequestPartName() + "\". Choose the file and send it again.";
            default -> "This form uploads a file: choose the file and send it again.";
        };
        return page(400, "That did not work", message, user, request, response);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ModelAndView refused(BusinessRuleViolation e, @AuthenticationPrincipal @Nullable CurrentUser user,
                         HttpServletRequest request, HttpServletResponse response) {
        String title = e.status() == 403 ? "Not allowed" : "That did not work";
        return page(e.status(), title, e.getMessage(), user, request, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, @AuthenticationPrincipal @Nullable CurrentUser user,
                            HttpServletRequest request, HttpServletResponse response) {
        LOG.error("Unexpected error on {}", request.getRequestURI(), e);
        return page(500, "Something went wrong",
                "Something went wrong on our side and nothing was saved. Please try again; if it keeps happening, "
                        + "tell support the request id " + response.getHeader("X-Request-Id") + ".",
                user, request, response);
    }

    private ModelAndView page(int status, String title, String message, @Nullable CurrentUser user,
                              HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView(user == null ? "error" : "error-page");
        page.addObject("status", status);
        page.addObject("errorTitle", title);
        page.addObject("message", message);
        if (user != null) {
            page.addObject("shell", shells.shellFor(user, request));
        }
        return page;
    }
}
