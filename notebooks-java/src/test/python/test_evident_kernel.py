"""Jupyter's own conformance test for kernels (jupyter_kernel_test), run on the Evident kernel.

Run it once the kernel is installed (`./evident notebook install --user`), with the Python that
runs Jupyter (Debian: python3-jupyter-kernel-test):

    /usr/bin/python3 -m unittest discover -s notebooks-java/src/test/python -v

`.ci/run` does so. Each sample is Java as a notebook cell would hold it; Evident and its libraries
are on the kernel's class path, so the display sample needs no set-up.
"""
import unittest

import jupyter_kernel_test


class EvidentKernelTest(jupyter_kernel_test.KernelTests):
    kernel_name = "evident"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to standard error");'

    completion_samples = [
        {"text": "Math.sq", "matches": {"sqrt("}},
        {"text": "org.evident.toc.EvaluationProject.op", "matches": {"open("}},
    ]

    complete_code_samples = ["int x = 1;", "6 * 7", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "String s = \"abc\" +"]
    invalid_code_samples = ["int x = 1 +;}"]

    code_generate_error = 'throw new IllegalStateException("a readable error");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"Evident".length()', "result": "7"},
        # A Tablesaw table, the notebooks' table, is shown as HTML.
        {"code": 'tech.tablesaw.api.Table.create("empty")', "mime": "text/html"},
    ]

    code_display_data = [
        {"code": 'display(tech.tablesaw.api.Table.create("empty"));', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]

    def test_error_namesTheCellLine(self):
        """A compile error and an exception each say which line of the cell they come from."""
        for code, line, problem in [
            ("int x = 1;\nint y = undefinedName + 1;", "cell line 2", "cannot find symbol"),
            ("int x = 1;\nint y = 2;\nInteger.parseInt(\"many\");", "cell line 3",
             "java.lang.NumberFormatException"),
        ]:
            with self.subTest(code=code):
                self.flush_channels()
                reply, output_msgs = self.execute_helper(code)
                self.assertEqual(reply["content"]["status"], "error")
                errors = [m for m in output_msgs if m["msg_type"] == "error"]
                self.assertEqual(len(errors), 1)
                traceback = "\n".join(errors[0]["content"]["traceback"])
                self.assertIn(line, traceback)
                self.assertIn(problem, traceback)


if __name__ == "__main__":
    unittest.main()
