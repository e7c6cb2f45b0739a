package dev.gatehouse.local.internal.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One function's classes, from its asset only (the parent is the platform class loader, so the
 * gateway's own libraries are invisible to it, as on Lambda). Each class is rewritten as it is
 * defined so that {@code System.getenv} reads the function's environment and {@code System.exit}
 * throws (see {@link FunctionEnvironment}).
 */
final class FunctionClassLoader extends URLClassLoader {
    private static final String ENVIRONMENT = FunctionEnvironment.class.getName();
    private static final String ENVIRONMENT_INTERNAL = ENVIRONMENT.replace('.', '/');

    static {
        registerAsParallelCapable();
    }

    FunctionClassLoader(String name, URL[] classpath) {
        super(name, classpath, ClassLoader.getPlatformClassLoader());
    }

    /** Defines the environment holder in this loader and sets the function's variables. */
    void installEnvironment(Map<String, String> environment) {
        try {
            Class<?> holder = loadClass(ENVIRONMENT);
            holder.getMethod("install", Map.class).invoke(null, environment);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("could not set the function's environment", cause);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        if (name.equals(ENVIRONMENT)) {
            bytes = read(FunctionClassLoader.class.getClassLoader().getResourceAsStream(ENVIRONMENT_INTERNAL + ".class"), name);
            return defineClass(name, bytes, 0, bytes.length);
        }
        URL resource = findResource(name.replace('.', '/') + ".class");
        if (resource == null) {
            throw new ClassNotFoundException(name);
        }
        try {
            bytes = read(resource.openStream(), name);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        definePackageOf(name);
        byte[] rewritten = rewrite(bytes);
        return defineClass(name, rewritten, 0, rewritten.length);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String packageName = className.substring(0, dot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefined) {
                    // another thread defined it first
                }
            }
        }
    }

    private static byte[] read(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("no class file for " + name);
        }
        try (InputStream stream = in) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class file of " + name, e);
        }
    }

    /** Redirects getenv/exit calls; returns the bytes unchanged when the class makes none. */
    static byte[] rewrite(byte[] bytes) {
        if (!contains(bytes, "getenv") && !contains(bytes, "exit") && !contains(bytes, "halt")) {
            return bytes;
        }
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                                && (method.equals("getenv") || method.equals("exit"))) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, ENVIRONMENT_INTERNAL, method, desc, false);
                        } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                                && (method.equals("exit") || method.equals("halt")) && desc.equals("(I)V")) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, ENVIRONMENT_INTERNAL, method,
                                    "(Ljava/lang/Runtime;I)V", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                        // method references (System::getenv) are handles in the bootstrap arguments
                        Object[] rewritten = arguments.clone();
                        for (int i = 0; i < rewritten.length; i++) {
                            if (rewritten[i] instanceof Handle handle && redirected(handle)) {
                                changed[0] = true;
                                rewritten[i] = new Handle(Opcodes.H_INVOKESTATIC, ENVIRONMENT_INTERNAL, handle.getName(),
                                        handle.getDesc(), false);
                            }
                        }
                        super.visitInvokeDynamicInsn(name, desc, bootstrap, rewritten);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Handle handle && redirected(handle)) {
                            changed[0] = true;
                            super.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, ENVIRONMENT_INTERNAL, handle.getName(),
                                    handle.getDesc(), false));
                        } else {
                            super.visitLdcInsn(value);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : bytes;
    }

    /** A handle to System.getenv or System.exit. */
    private static boolean redirected(Handle handle) {
        return handle.getTag() == Opcodes.H_INVOKESTATIC && handle.getOwner().equals("java/lang/System")
                && (handle.getName().equals("getenv") || handle.getName().equals("exit"));
    }

    private static boolean contains(byte[] bytes, String ascii) {
        outer:
        for (int i = 0; i <= bytes.length - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
