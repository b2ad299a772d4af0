package dev.autogen.ext.tools.python;

import java.util.Map;

/** How to install a Python module that a tool imports: the pip package of the best-known modules. */
final class PythonModules {
    /** Modules whose pip package has another name. */
    private static final Map<String, String> PACKAGES = Map.of(
            "bs4", "beautifulsoup4",
            "PIL", "pillow",
            "yaml", "pyyaml",
            "cv2", "opencv-python",
            "sklearn", "scikit-learn",
            "dateutil", "python-dateutil",
            "dotenv", "python-dotenv",
            "docx", "python-docx",
            "magic", "python-magic");

    private PythonModules() {
    }

    /** The pip package providing the top-level module of {@code module}, e.g. {@code bs4} -> {@code beautifulsoup4}. */
    static String pipPackage(String module) {
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        return PACKAGES.getOrDefault(top, top);
    }

    /** The sentence for a tool whose import of {@code module} fails because it is not installed. */
    static String missing(String tool, String module, String python) {
        String pip = pipPackage(module);
        return "Python FunctionTool '" + tool + "' imports the Python module '" + module + "', which is not installed"
                + " for '" + python + "'; install it with 'pip install " + pip + "' (for that interpreter: '" + python
                + " -m pip install " + pip + "')";
    }
}
